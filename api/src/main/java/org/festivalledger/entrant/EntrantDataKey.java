package org.festivalledger.entrant;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The secret that protects entrants' email addresses in the erasable store: a keyed hash (HMAC-SHA256) finds an
 * entrant by address without storing the address as a lookup key, and AES-GCM keeps the address itself (needed to
 * send mail) unreadable to whoever reads the database without this key. The key lives in a file beside the data,
 * never in the database, and is never logged.
 */
final class EntrantDataKey {

    private static final String HEADER = "# festival ledger: key of entrants' personal data (keep secret, keep with backups)";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec lookup;
    private final SecretKeySpec encryption;

    EntrantDataKey(byte[] lookup, byte[] encryption) {
        if (lookup.length != 32 || encryption.length != 32) {
            throw new IllegalArgumentException("an entrant data key is two 32-byte keys");
        }
        this.lookup = new SecretKeySpec(lookup, "HmacSHA256");
        this.encryption = new SecretKeySpec(encryption, "AES");
    }

    /** A fresh key held only in memory (tests). */
    static EntrantDataKey random() {
        byte[] lookup = new byte[32];
        byte[] encryption = new byte[32];
        RANDOM.nextBytes(lookup);
        RANDOM.nextBytes(encryption);
        return new EntrantDataKey(lookup, encryption);
    }

    /** The key in {@code file}, created there (owner read/write only) if there is none yet. */
    static EntrantDataKey loadOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            byte[] lookup = new byte[32];
            byte[] encryption = new byte[32];
            RANDOM.nextBytes(lookup);
            RANDOM.nextBytes(encryption);
            String text = String.join("\n", HEADER, "hmac-sha256 " + Base64.getEncoder().encodeToString(lookup),
                    "aes-256-gcm " + Base64.getEncoder().encodeToString(encryption)) + "\n";
            try {
                writeOwnerOnly(file, text.getBytes(StandardCharsets.US_ASCII));
            } catch (FileAlreadyExistsException e) {
                // another node on the same directory made it first: use theirs
            }
        }
        byte[] lookup = null;
        byte[] encryption = null;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals("hmac-sha256")) {
                lookup = Base64.getDecoder().decode(parts[1]);
            } else if (parts.length == 2 && parts[0].equals("aes-256-gcm")) {
                encryption = Base64.getDecoder().decode(parts[1]);
            }
        }
        if (lookup == null || encryption == null) {
            throw new IllegalArgumentException(file + " holds no entrant data key");
        }
        return new EntrantDataKey(lookup, encryption);
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        }
        Files.write(file, content, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** An address as it is compared: without surrounding space, in lower case. */
    static String normalised(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** The keyed hash an entrant is found by: the same address always gives the same text, only with this key. */
    String lookupKey(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookup);
            return HexFormat.of().formatHex(mac.doFinal(normalised(email).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HMAC-SHA256", e);
        }
    }

    /** {@code text} encrypted with a fresh nonce: base64(nonce ‖ ciphertext ‖ tag). */
    String encrypt(String text) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            byte[] all = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, all, NONCE_BYTES, sealed.length);
            return Base64.getEncoder().encodeToString(all);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES-GCM", e);
        }
    }

    /** What {@link #encrypt} sealed; fails if it was sealed with another key or altered. */
    String decrypt(String sealed) {
        byte[] all = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(128, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an entrant's address cannot be read with this key", e);
        }
    }
}
