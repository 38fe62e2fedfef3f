package org.festivalledger.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's one formula. Each event's hash is SHA-256 over a canonical encoding of every field an
 * auditor relies on plus the previous event's hash, so editing, deleting, inserting or reordering any
 * event breaks every later link.
 *
 * <p>Canonical encoding: the fields below, in this order, each written as its UTF-8 byte length in
 * decimal, a colon, the bytes, and a semicolon (a netstring); an absent value is written as {@code -;}.
 * Length prefixes make the encoding unambiguous whatever characters a payload holds. Instants are
 * ISO-8601 in UTC as {@link java.time.Instant#toString()} prints them.
 * <ol>
 * <li>position, sequence (decimal)</li>
 * <li>aggregate id, aggregate type, event id</li>
 * <li>payload type, payload revision, payload JSON, metadata JSON</li>
 * <li>timestamp, recorded-at</li>
 * <li>previous hash (lower-case hex)</li>
 * </ol>
 */
public final class ChainHash {

    /** The previous hash of the very first event. */
    public static final String GENESIS = "0".repeat(64);

    private ChainHash() {
    }

    /** Computes the hash {@code event} must carry, ignoring whatever hash it currently carries. */
    public static String of(StoredEvent event) {
        MessageDigest sha256 = sha256();
        field(sha256, Long.toString(event.position()));
        field(sha256, Long.toString(event.sequence()));
        field(sha256, event.aggregateId());
        field(sha256, event.aggregateType());
        field(sha256, event.eventId());
        field(sha256, event.payloadType());
        field(sha256, event.payloadRevision());
        field(sha256, event.payload());
        field(sha256, event.metadata());
        field(sha256, event.timestamp() == null ? null : event.timestamp().toString());
        field(sha256, event.recordedAt() == null ? null : event.recordedAt().toString());
        field(sha256, event.previousHash());
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static void field(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) '-');
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            digest.update((byte) ':');
            digest.update(bytes);
        }
        digest.update((byte) ';');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime ships SHA-256", e);
        }
    }
}
