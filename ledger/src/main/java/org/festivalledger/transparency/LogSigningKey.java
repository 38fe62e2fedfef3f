package org.festivalledger.transparency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * The log's Ed25519 signing key (the JDK's own Ed25519), named after the log's origin. It is kept in a file of
 * its own, readable by its owner only, that holds the 32-byte seed and the public key: the JDK cannot derive an
 * Ed25519 public key from a private one, and the file does not hold the name, so the origin can be configured
 * apart from the key. Several nodes share a key by sharing that file.
 */
public final class LogSigningKey {

    private static final String HEADER = "# festival ledger: Ed25519 key that signs the log's checkpoints. Keep it secret.";

    private final PrivateKey privateKey;
    private final VerifierKey verifierKey;

    private LogSigningKey(String name, byte[] seed, byte[] publicKey) {
        try {
            this.privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
        this.verifierKey = new VerifierKey(name, publicKey);
        byte[] probe = "festival ledger key check".getBytes(StandardCharsets.UTF_8);
        if (!verifierKey.verifies(probe, sign(probe))) {
            throw new IllegalArgumentException("the key file's public key does not belong to its private key");
        }
    }

    /**
     * The key in {@code file}, created there (owner read/write only) if there is none yet.
     *
     * @param name the key name: the log's origin
     */
    public static LogSigningKey loadOrCreate(Path file, String name) throws IOException {
        if (!Files.exists(file)) {
            try {
                create(file);
            } catch (FileAlreadyExistsException e) {
                // another node on the same directory made it first: use theirs
            }
        }
        return load(file, name);
    }

    /** The key in {@code file} (see {@link #loadOrCreate}). */
    public static LogSigningKey load(Path file, String name) throws IOException {
        byte[] seed = null;
        byte[] publicKey = null;
        for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals("ed25519-seed")) {
                seed = Base64.getDecoder().decode(parts[1]);
            } else if (parts.length == 2 && parts[0].equals("ed25519-public")) {
                publicKey = Base64.getDecoder().decode(parts[1]);
            }
        }
        if (seed == null || seed.length != 32 || publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException(file + " holds no Ed25519 seed and public key");
        }
        return new LogSigningKey(name, seed, publicKey);
    }

    private static void create(Path file) throws IOException {
        KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        byte[] spki = pair.getPublic().getEncoded();
        byte[] publicKey = Arrays.copyOfRange(spki, spki.length - 32, spki.length);
        String text = String.join("\n", HEADER, "ed25519-seed " + Base64.getEncoder().encodeToString(seed),
                "ed25519-public " + Base64.getEncoder().encodeToString(publicKey)) + "\n";
        writeOwnerOnly(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Puts a given key file in place unless one is there already (the demo's published key, for instance).
     *
     * @return whether it was written
     */
    public static boolean installIfAbsent(Path file, byte[] keyFile) throws IOException {
        if (Files.exists(file)) {
            return false;
        }
        try {
            writeOwnerOnly(file, keyFile);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static void writeOwnerOnly(Path file, byte[] content) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary;
        try {
            // Created with its permissions: never readable by others, not even for a moment.
            temporary = Files.createTempFile(parent, ".log-signing", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            temporary = Files.createTempFile(parent, ".log-signing", ".tmp");
        }
        try {
            Files.write(temporary, content);
            // A hard link appears whole and fails if the name exists: two nodes starting at once on one shared
            // directory never read a half-written key, and never end up with two.
            Files.createLink(file, temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A key that lives only in memory (tests, benchmarks). */
    public static LogSigningKey generate(String name) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] spki = pair.getPublic().getEncoded();
            return new LogSigningKey(name, ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow(),
                    Arrays.copyOfRange(spki, spki.length - 32, spki.length));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no Ed25519", e);
        }
    }

    public VerifierKey verifierKey() {
        return verifierKey;
    }

    public String name() {
        return verifierKey.name();
    }

    byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with Ed25519", e);
        }
    }

    @Override
    public String toString() {
        return "signing key of " + verifierKey; // never the secret
    }
}
