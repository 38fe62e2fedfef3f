package org.festivalledger.transparency;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * C2SP signed-note: a text ending in a line feed, a blank line, and signature lines
 * {@code — <key name> <base64(4-byte key id ‖ signature)>} (an em dash, U+2014). The signed message is the text,
 * final line feed included.
 */
public final class SignedNote {

    private static final String DASH = "\u2014 ";

    private SignedNote() {
    }

    /** The note of {@code text} signed by {@code key}. */
    public static String sign(String text, LogSigningKey key) {
        if (!text.endsWith("\n")) {
            throw new IllegalArgumentException("a note's text ends with a line feed");
        }
        byte[] signature = key.sign(text.getBytes(StandardCharsets.UTF_8));
        byte[] line = new byte[4 + signature.length];
        System.arraycopy(key.verifierKey().keyId(), 0, line, 0, 4);
        System.arraycopy(signature, 0, line, 4, signature.length);
        return text + "\n" + DASH + key.name() + " " + Base64.getEncoder().encodeToString(line) + "\n";
    }

    /**
     * The text of {@code note} if one of its signature lines is a valid signature by {@code key}; empty if none
     * is, or if the note is not a signed note at all. Lines by other keys are ignored (witnesses' cosignatures).
     */
    public static Optional<String> verify(String note, VerifierKey key) {
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            return Optional.empty();
        }
        String text = note.substring(0, split + 1);
        byte[] message = text.getBytes(StandardCharsets.UTF_8);
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                return Optional.empty();
            }
            String[] parts = line.substring(DASH.length()).split(" ");
            if (parts.length != 2 || !parts[0].equals(key.name())) {
                continue;
            }
            byte[] signature;
            try {
                signature = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (signature.length == 4 + 64 && Arrays.equals(Arrays.copyOf(signature, 4), key.keyId())
                    && key.verifies(message, Arrays.copyOfRange(signature, 4, signature.length))) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** The checkpoint of a signed note, if {@code key} signed it and its origin is the key's name. */
    public static Optional<Checkpoint> verifiedCheckpoint(String note, VerifierKey key) {
        return verify(note, key).map(Checkpoint::parse).filter(checkpoint -> checkpoint.origin().equals(key.name()));
    }
}
