package org.festivalledger.transparency;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 9162 trees, proofs and their verification, against two references: the RFC's recursive definitions of MTH,
 * PATH and PROOF written out literally over lists (below, sharing nothing with the production code), and the
 * published vectors of the certificate-transparency project for the eight-leaf tree. Every correct proof verifies;
 * a proof with any hash changed, or checked at another leaf index or from another old size, does not. (The
 * size of the tree is not bound by a proof alone but by the signed checkpoint that names it with its root.)
 */
class MerkleProofsTest {

    private static final HexFormat HEX = HexFormat.of();

    /** The eight leaves of the certificate-transparency test tree (RFC 6962 / 9162 vectors). */
    private static final List<byte[]> VECTOR_LEAVES = List.of(hex(""), hex("00"), hex("10"), hex("2021"),
            hex("3031"), hex("40414243"), hex("5051525354555657"), hex("606162636465666768696a6b6c6d6e6f"));

    private static final String[] VECTOR_ROOTS = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};

    @Test
    void theRootsOfTheEightLeafTreeAreThePublishedOnes() {
        MerkleFrontier frontier = new MerkleFrontier();
        for (int n = 1; n <= 8; n++) {
            frontier.append(VECTOR_LEAVES.get(n - 1));
            assertThat(HEX.formatHex(frontier.root())).as("root of %d leaves", n).isEqualTo(VECTOR_ROOTS[n - 1]);
            assertThat(HEX.formatHex(MerkleProofs.root(n, store(VECTOR_LEAVES))))
                    .as("root of %d leaves from stored subtrees", n).isEqualTo(VECTOR_ROOTS[n - 1]);
        }
        assertThat(HEX.formatHex(new MerkleFrontier().root()))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void publishedInclusionProofsOfTheEightLeafTree() {
        Subtrees tree = store(VECTOR_LEAVES);
        assertThat(hexes(MerkleProofs.inclusion(0, 8, tree))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexes(MerkleProofs.inclusion(5, 8, tree))).containsExactly(
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(MerkleProofs.inclusion(2, 3, tree))).containsExactly(
                "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
        assertThat(hexes(MerkleProofs.inclusion(1, 5, tree))).containsExactly(
                "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
    }

    @Test
    void publishedConsistencyProofsOfTheEightLeafTree() {
        Subtrees tree = store(VECTOR_LEAVES);
        assertThat(hexes(MerkleProofs.consistency(1, 8, tree))).containsExactly(
                "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
        assertThat(hexes(MerkleProofs.consistency(6, 8, tree))).containsExactly(
                "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
                "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
                "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
        assertThat(hexes(MerkleProofs.consistency(2, 5, tree))).containsExactly(
                "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
                "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
        assertThat(MerkleProofs.consistency(8, 8, tree)).isEmpty();
    }

    @Test
    void everyInclusionProofUpToFortyLeavesIsTheRfcsAndVerifiesOnlyAsItIs() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            Subtrees tree = store(leaves);
            byte[] root = mth(leaves);
            assertThat(MerkleProofs.root(n, tree)).isEqualTo(root);
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = MerkleProofs.inclusion(m, n, tree);
                assertThat(hexes(proof)).as("PATH(%d, D[%d])", m, n).isEqualTo(hexes(path(m, leaves)));
                byte[] leafHash = MerkleHashes.leaf(leaves.get(m));
                assertThat(MerkleProofs.verifyInclusion(m, n, leafHash, proof, root)).isTrue();
                assertThat(MerkleProofs.verifyInclusion(m, n, flip(leafHash), proof, root)).isFalse();
                assertThat(MerkleProofs.verifyInclusion(m, n, leafHash, proof, flip(root))).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> changed = new ArrayList<>(proof);
                    changed.set(i, flip(proof.get(i)));
                    assertThat(MerkleProofs.verifyInclusion(m, n, leafHash, changed, root)).isFalse();
                }
                for (int other = 0; other < n + 2; other++) {
                    if (other != m) {
                        assertThat(MerkleProofs.verifyInclusion(other, n, leafHash, proof, root))
                                .as("leaf %d's proof at index %d of %d", m, other, n).isFalse();
                    }
                }
                if (!proof.isEmpty()) {
                    assertThat(MerkleProofs.verifyInclusion(m, n, leafHash, proof.subList(0, proof.size() - 1),
                            root)).isFalse();
                }
                List<byte[]> longer = new ArrayList<>(proof);
                longer.add(root);
                assertThat(MerkleProofs.verifyInclusion(m, n, leafHash, longer, root)).isFalse();
            }
        }
    }

    @Test
    void everyConsistencyProofUpToFortyLeavesIsTheRfcsAndVerifiesOnlyAsItIs() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> leaves = leaves(n);
            Subtrees tree = store(leaves);
            byte[] newRoot = mth(leaves);
            for (int m = 1; m <= n; m++) {
                byte[] oldRoot = mth(leaves.subList(0, m));
                List<byte[]> proof = MerkleProofs.consistency(m, n, tree);
                assertThat(hexes(proof)).as("PROOF(%d, D[%d])", m, n).isEqualTo(hexes(proof(m, leaves)));
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, oldRoot, newRoot)).isTrue();
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, flip(oldRoot), newRoot)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(m, n, proof, oldRoot, flip(newRoot))).isFalse();
                for (int i = 0; i < proof.size(); i++) {
                    List<byte[]> changed = new ArrayList<>(proof);
                    changed.set(i, flip(proof.get(i)));
                    assertThat(MerkleProofs.verifyConsistency(m, n, changed, oldRoot, newRoot))
                            .as("PROOF(%d, %d) with hash %d changed", m, n, i).isFalse();
                }
                if (m < n) {
                    if (m > 1) {
                        assertThat(MerkleProofs.verifyConsistency(m - 1, n, proof, oldRoot, newRoot)).isFalse();
                    }
                    assertThat(MerkleProofs.verifyConsistency(m, n, proof.subList(0, proof.size() - 1), oldRoot,
                            newRoot)).isFalse();
                }
            }
        }
    }

    @Test
    void theFrontierReportsEveryCompleteSubtreeOnceAndRestartsFromThem() {
        List<byte[]> leaves = leaves(37);
        Map<String, byte[]> kept = new HashMap<>();
        MerkleFrontier frontier = new MerkleFrontier();
        for (int i = 0; i < 20; i++) {
            frontier.append(leaves.get(i), (level, index, hash) ->
                    assertThat(kept.put(level + ":" + index, hash)).isNull());
        }
        MerkleFrontier resumed = MerkleFrontier.of(20, (level, index) -> kept.get(level + ":" + index));
        for (int i = 20; i < 37; i++) {
            resumed.append(leaves.get(i), (level, index, hash) ->
                    assertThat(kept.put(level + ":" + index, hash)).isNull());
        }
        assertThat(resumed.root()).isEqualTo(mth(leaves));
        assertThat(kept).hasSize(37 + 18 + 9 + 4 + 2 + 1); // every complete subtree of 37 leaves
        assertThat(MerkleProofs.root(37, (level, index) -> kept.get(level + ":" + index))).isEqualTo(mth(leaves));
    }

    // The RFC's definitions, written out literally over the list of leaves (RFC 9162 §2.1.1, §2.1.3.1, §2.1.4.1).

    private static byte[] mth(List<byte[]> d) {
        if (d.isEmpty()) {
            return MerkleHashes.sha256().digest();
        }
        if (d.size() == 1) {
            return sha(new byte[]{0}, d.get(0));
        }
        int k = k(d.size());
        return sha(new byte[]{1}, mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    private static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> result = new ArrayList<>();
        if (d.size() == 1) {
            return result;
        }
        int k = k(d.size());
        if (m < k) {
            result.addAll(path(m, d.subList(0, k)));
            result.add(mth(d.subList(k, d.size())));
        } else {
            result.addAll(path(m - k, d.subList(k, d.size())));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static List<byte[]> proof(int m, List<byte[]> d) {
        return m == d.size() ? List.of() : subproof(m, d, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> result = new ArrayList<>();
        int n = d.size();
        if (m == n) {
            if (!b) {
                result.add(mth(d));
            }
            return result;
        }
        int k = k(n);
        if (m <= k) {
            result.addAll(subproof(m, d.subList(0, k), b));
            result.add(mth(d.subList(k, n)));
        } else {
            result.addAll(subproof(m - k, d.subList(k, n), false));
            result.add(mth(d.subList(0, k)));
        }
        return result;
    }

    private static int k(int n) {
        int k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    private static byte[] sha(byte[]... parts) {
        var digest = MerkleHashes.sha256();
        for (byte[] part : parts) {
            digest.update(part);
        }
        return digest.digest();
    }

    // Test material.

    /** Complete subtrees of the leaves, computed by the RFC's MTH, as a store would keep them. */
    private static Subtrees store(List<byte[]> leaves) {
        return (level, index) -> {
            int from = (int) (index << level);
            int to = (int) ((index + 1) << level);
            assertThat(to).as("only complete subtrees are asked for").isLessThanOrEqualTo(leaves.size());
            return mth(leaves.subList(from, to));
        };
    }

    private static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(sha(("event " + i).getBytes()));
        }
        return leaves;
    }

    private static byte[] flip(byte[] hash) {
        byte[] changed = Arrays.copyOf(hash, hash.length);
        changed[changed.length - 1] ^= 1;
        return changed;
    }

    private static List<String> hexes(List<byte[]> hashes) {
        return hashes.stream().map(HEX::formatHex).toList();
    }

    private static byte[] hex(String text) {
        return HEX.parseHex(text);
    }
}
