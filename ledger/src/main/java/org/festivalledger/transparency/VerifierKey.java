package org.festivalledger.transparency;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A C2SP signed-note verifier key for Ed25519: {@code <name>+<key id, 8 hex>+<base64(0x01 ‖ public key)>}. The
 * key id is the first four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key), so a signature line names the key
 * that made it.
 */
public final class VerifierKey {

    /** The signature algorithm byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo: the JDK reads raw keys only in that wrapping. */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final String name;
    private final byte[] keyId;
    private final byte[] publicKey;
    private final PublicKey jdkKey;

    VerifierKey(String name, byte[] publicKey) {
        if (!validName(name)) {
            throw new IllegalArgumentException("a key name is non-empty, with no '+' and no white space");
        }
        if (publicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
        try {
            byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + 32);
            System.arraycopy(publicKey, 0, spki, SPKI_PREFIX.length, 32);
            this.jdkKey = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /**
     * Reads a verifier key.
     *
     * @throws IllegalArgumentException if it is not an Ed25519 verifier key whose key id matches its name and key
     */
    public static VerifierKey parse(String text) {
        // The base64 key may itself hold "+": only the first two separate fields (as C2SP parsers cut them).
        String[] parts = text.strip().split("\\+", 3);
        if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
            throw new IllegalArgumentException("a verifier key is <name>+<8 hex digits>+<base64 key>");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the verifier key's key is not base64");
        }
        if (key.length != 33 || key[0] != ED25519) {
            throw new IllegalArgumentException("not an Ed25519 verifier key (algorithm byte 0x01, 32-byte key)");
        }
        VerifierKey parsed = new VerifierKey(parts[0], Arrays.copyOfRange(key, 1, 33));
        if (!HexFormat.of().formatHex(parsed.keyId).equals(parts[1])) {
            throw new IllegalArgumentException("the key id does not match the key's name and public key");
        }
        return parsed;
    }

    static byte[] keyId(String name, byte[] publicKey) {
        var sha256 = MerkleHashes.sha256();
        sha256.update(name.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update(ED25519);
        sha256.update(publicKey);
        return Arrays.copyOf(sha256.digest(), 4);
    }

    static boolean validName(String name) {
        return !name.isEmpty() && name.codePoints().noneMatch(c -> c == '+' || Character.isWhitespace(c)
                || Character.isSpaceChar(c) || Character.isISOControl(c));
    }

    public String name() {
        return name;
    }

    byte[] keyId() {
        return keyId.clone();
    }

    /** Whether {@code signature} is this key's Ed25519 signature of {@code message}. */
    boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkKey);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The key as text, to publish. */
    @Override
    public String toString() {
        byte[] key = new byte[33];
        key[0] = ED25519;
        System.arraycopy(publicKey, 0, key, 1, 32);
        return name + "+" + HexFormat.of().formatHex(keyId) + "+" + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VerifierKey that && toString().equals(that.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
