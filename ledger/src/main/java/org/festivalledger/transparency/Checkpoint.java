package org.festivalledger.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A tree head in the C2SP tlog-checkpoint format: the origin (the log's name), the tree size in decimal and the
 * root hash in standard base64, each on its own line. This text is the body of a signed note ({@link SignedNote}).
 *
 * @param origin the log's name, which is also the name of the key that signs it
 * @param size   the number of leaves: the ledger position the checkpoint covers
 * @param root   the RFC 9162 root of the first {@code size} leaves
 */
public record Checkpoint(String origin, long size, byte[] root) {

    public Checkpoint {
        Objects.requireNonNull(origin);
        if (origin.isEmpty() || origin.contains("\n")) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line");
        }
        if (size < 0 || root.length != MerkleHashes.SIZE) {
            throw new IllegalArgumentException("a checkpoint needs a size ≥ 0 and a 32-byte root");
        }
        root = root.clone();
    }

    /** The checkpoint's text: {@code origin\nsize\nbase64(root)\n}. */
    public String text() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    public String rootBase64() {
        return Base64.getEncoder().encodeToString(root);
    }

    @Override
    public byte[] root() {
        return root.clone();
    }

    /**
     * Reads a checkpoint's text (the body of a note whose signature was checked).
     *
     * @throws IllegalArgumentException if it is not origin, size and a 32-byte base64 root, line by line
     */
    public static Checkpoint parse(String text) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint ends with a line feed");
        }
        String[] lines = text.split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("a checkpoint has an origin, a size and a root hash");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the tree size is not a decimal number: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2].getBytes(StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the root hash is not base64");
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint that && origin.equals(that.origin) && size == that.size
                && Arrays.equals(root, that.root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, size, Arrays.hashCode(root));
    }

    @Override
    public String toString() {
        return origin + " @ " + size + " " + rootBase64();
    }
}
