package org.festivalledger.transparency;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * RFC 9162 §2.1: the tree head of any size, inclusion proofs ({@code PATH}, §2.1.3) and consistency proofs
 * ({@code PROOF}/{@code SUBPROOF}, §2.1.4), produced from complete subtrees, and their verification (§2.1.3.2,
 * §2.1.4.2).
 *
 * <p>The RFC splits a range of {@code n} leaves at {@code k}, the largest power of two below {@code n}. The left
 * part is then always a complete subtree aligned on its own size, so it is one lookup in {@link Subtrees}; only
 * the right part of a split can be incomplete, and it is split again. A hash of {@code [start, end)} therefore
 * costs at most one lookup per level, and a proof O(log n) lookups.
 */
public final class MerkleProofs {

    private MerkleProofs() {
    }

    /** MTH(D[0:size]): the root of the first {@code size} leaves. */
    public static byte[] root(long size, Subtrees subtrees) {
        return size == 0 ? MerkleHashes.empty() : range(0, size, subtrees);
    }

    /** PATH(m, D[0:size]): the inclusion proof of leaf {@code leafIndex} in the tree of {@code size} leaves. */
    public static List<byte[]> inclusion(long leafIndex, long size, Subtrees subtrees) {
        if (leafIndex < 0 || leafIndex >= size) {
            throw new IllegalArgumentException("leaf " + leafIndex + " is not in a tree of " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(leafIndex, 0, size, subtrees, proof);
        return proof;
    }

    /** PROOF(m, D[0:n]): the consistency proof from the tree of {@code m} leaves to the tree of {@code n}. */
    public static List<byte[]> consistency(long m, long n, Subtrees subtrees) {
        if (m < 1 || m > n) {
            throw new IllegalArgumentException("no consistency proof from " + m + " to " + n);
        }
        List<byte[]> proof = new ArrayList<>();
        if (m < n) {
            subproof(m, 0, n, true, subtrees, proof);
        }
        return proof;
    }

    // PATH over D[start:end), leaf m counted from the start of the log; proof nodes come out leaf to root.
    private static void path(long m, long start, long end, Subtrees subtrees, List<byte[]> proof) {
        long n = end - start;
        if (n == 1) {
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m - start < k) {
            path(m, start, start + k, subtrees, proof);
            proof.add(range(start + k, end, subtrees));
        } else {
            path(m, start + k, end, subtrees, proof);
            proof.add(range(start, start + k, subtrees));
        }
    }

    // SUBPROOF(m, D[start:end), b) with m counted from start.
    private static void subproof(long m, long start, long end, boolean whole, Subtrees subtrees,
                                 List<byte[]> proof) {
        long n = end - start;
        if (m == n) {
            if (!whole) {
                proof.add(range(start, end, subtrees));
            }
            return;
        }
        long k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            subproof(m, start, start + k, whole, subtrees, proof);
            proof.add(range(start + k, end, subtrees));
        } else {
            subproof(m - k, start + k, end, false, subtrees, proof);
            proof.add(range(start, start + k, subtrees));
        }
    }

    /** MTH(D[start:end)) for a range the RFC's splitting produces (its left parts are aligned). */
    private static byte[] range(long start, long end, Subtrees subtrees) {
        long n = end - start;
        if (Long.bitCount(n) == 1 && start % n == 0) {
            return subtrees.hash(Long.numberOfTrailingZeros(n), start / n);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHashes.node(range(start, start + k, subtrees), range(start + k, end, subtrees));
    }

    /** The largest power of two strictly smaller than {@code n} ({@code n > 1}). */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * RFC 9162 §2.1.3.2: the root that an inclusion proof leads to from a leaf, or {@code null} if the proof
     * cannot belong to that leaf index and tree size (wrong length, index out of range).
     */
    public static byte[] rootFromInclusion(long leafIndex, long size, byte[] leafHash, List<byte[]> proof) {
        if (leafIndex < 0 || leafIndex >= size) {
            return null;
        }
        long fn = leafIndex;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            if (sn == 0) {
                return null;
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHashes.node(p, r);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                r = MerkleHashes.node(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 ? r : null;
    }

    /** Whether {@code proof} shows leaf {@code leafIndex} with hash {@code leafHash} in the tree with {@code root}. */
    public static boolean verifyInclusion(long leafIndex, long size, byte[] leafHash, List<byte[]> proof,
                                          byte[] root) {
        byte[] computed = rootFromInclusion(leafIndex, size, leafHash, proof);
        return computed != null && Arrays.equals(computed, root);
    }

    /**
     * RFC 9162 §2.1.4.2: whether {@code proof} shows that the tree of {@code first} leaves with root
     * {@code firstRoot} is a prefix of the tree of {@code second} leaves with root {@code secondRoot}.
     */
    public static boolean verifyConsistency(long first, long second, List<byte[]> proof, byte[] firstRoot,
                                            byte[] secondRoot) {
        if (first < 1 || first > second) {
            return false;
        }
        if (first == second) {
            return proof.isEmpty() && Arrays.equals(firstRoot, secondRoot);
        }
        if (proof.isEmpty()) {
            return false;
        }
        List<byte[]> path = new ArrayList<>(proof);
        if (Long.bitCount(first) == 1) {
            path.add(0, firstRoot); // an exact power of two: the old root is itself a node of the new tree
        }
        long fn = first - 1;
        long sn = second - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        for (byte[] c : path.subList(1, path.size())) {
            if (sn == 0) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHashes.node(c, fr);
                sr = MerkleHashes.node(c, sr);
                if ((fn & 1) == 0) {
                    while ((fn & 1) == 0 && fn != 0) {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            } else {
                sr = MerkleHashes.node(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && Arrays.equals(fr, firstRoot) && Arrays.equals(sr, secondRoot);
    }
}
