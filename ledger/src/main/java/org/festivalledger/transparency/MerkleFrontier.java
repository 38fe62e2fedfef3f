package org.festivalledger.transparency;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: one complete subtree per set bit of its size, largest first. Appending a
 * leaf merges equal-sized subtrees like a binary counter carries (amortised one hash, at most log n), and the
 * root of the current size folds the edge from the right. It holds O(log n) hashes, so it follows a log of any
 * length, a live one or an export read line by line.
 */
public final class MerkleFrontier {

    /** Told of every complete subtree as it is completed, so a store can keep it under its level and index. */
    @FunctionalInterface
    public interface Completed {
        void subtree(int level, long index, byte[] hash);
    }

    private final List<byte[]> hashes = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private long size;

    /** An empty tree. */
    public MerkleFrontier() {
    }

    /**
     * The edge of a tree of {@code size} leaves, from its complete subtrees (one per set bit of the size, the
     * hashes a store kept).
     */
    public static MerkleFrontier of(long size, Subtrees subtrees) {
        MerkleFrontier frontier = new MerkleFrontier();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            if ((size & (1L << level)) != 0) {
                frontier.hashes.add(subtrees.hash(level, start >> level));
                frontier.levels.add(level);
                start += 1L << level;
            }
        }
        frontier.size = size;
        return frontier;
    }

    /** An independent copy: appends to it leave this one as it is. */
    public MerkleFrontier copy() {
        MerkleFrontier copy = new MerkleFrontier();
        copy.hashes.addAll(hashes);
        copy.levels.addAll(levels);
        copy.size = size;
        return copy;
    }

    /** Appends a leaf by its data (here: an event's 32-byte chain hash). */
    public void append(byte[] leafData, Completed completed) {
        appendLeafHash(MerkleHashes.leaf(leafData), completed);
    }

    /** Appends a leaf by its leaf hash. */
    public void appendLeafHash(byte[] leafHash, Completed completed) {
        completed.subtree(0, size, leafHash);
        hashes.add(leafHash);
        levels.add(0);
        size++;
        int last = hashes.size() - 1;
        while (last > 0 && levels.get(last - 1).equals(levels.get(last))) {
            byte[] merged = MerkleHashes.node(hashes.get(last - 1), hashes.get(last));
            int level = levels.get(last) + 1;
            hashes.remove(last);
            levels.remove(last);
            hashes.set(last - 1, merged);
            levels.set(last - 1, level);
            last--;
            completed.subtree(level, (size >> level) - 1, merged);
        }
    }

    /** Appends a leaf when nobody needs the completed subtrees. */
    public void append(byte[] leafData) {
        append(leafData, (level, index, hash) -> { });
    }

    public long size() {
        return size;
    }

    /** MTH of the leaves appended so far. */
    public byte[] root() {
        if (hashes.isEmpty()) {
            return MerkleHashes.empty();
        }
        byte[] root = hashes.get(hashes.size() - 1);
        for (int i = hashes.size() - 2; i >= 0; i--) {
            root = MerkleHashes.node(hashes.get(i), root);
        }
        return root;
    }
}
