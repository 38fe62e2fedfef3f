package org.festivalledger.transparency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hash formulas of RFC 9162 §2.1.1 with SHA-256. The prefixes 0x00 and 0x01 keep a leaf from ever
 * being taken for an interior node (a second-preimage attack on the tree).
 */
public final class MerkleHashes {

    /** Bytes in every hash of the tree. */
    public static final int SIZE = 32;

    private MerkleHashes() {
    }

    /** The hash of a leaf: SHA-256(0x00 ‖ data). */
    public static byte[] leaf(byte[] data) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        sha256.update(data);
        return sha256.digest();
    }

    /** The hash of an interior node: SHA-256(0x01 ‖ left ‖ right). */
    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        sha256.update(right);
        return sha256.digest();
    }

    /** The root of the empty tree: SHA-256 of no bytes. */
    public static byte[] empty() {
        return sha256().digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
