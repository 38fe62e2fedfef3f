package org.festivalledger.transparency;

/**
 * Where the hashes of complete subtrees come from: the subtree at {@code level} and {@code index} covers the
 * leaves {@code [index · 2^level, (index + 1) · 2^level)}; level 0 holds the leaf hashes. Every hash a root or a
 * proof needs is a combination of such subtrees (see {@link MerkleProofs}), so a store that keeps them under
 * that key answers any proof with point lookups.
 */
@FunctionalInterface
public interface Subtrees {

    byte[] hash(int level, long index);
}
