package org.festivalledger.ledger;

/**
 * A commit could not be written because another commit already holds one of its keys: an aggregate
 * sequence number (a concurrent modification) or a uniqueness key (a retried request).
 */
public final class StreamConflict extends RuntimeException {

    private final String aggregateId;
    private final long sequence;
    private final String uniqueKey;

    private StreamConflict(String message, String aggregateId, long sequence, String uniqueKey) {
        super(message);
        this.aggregateId = aggregateId;
        this.sequence = sequence;
        this.uniqueKey = uniqueKey;
    }

    static StreamConflict onSequence(String aggregateId, long sequence) {
        return new StreamConflict("aggregate " + aggregateId + " already has an event with sequence number "
                + sequence, aggregateId, sequence, null);
    }

    static StreamConflict onUniqueKey(String key) {
        return new StreamConflict("the uniqueness key " + key + " was already recorded", null, -1, key);
    }

    /** The aggregate whose sequence number was taken, or {@code null} for a uniqueness key conflict. */
    public String aggregateId() {
        return aggregateId;
    }

    /** The sequence number that was taken. */
    public long sequence() {
        return sequence;
    }

    /** The uniqueness key that was taken, or {@code null} for a sequence conflict. */
    public String uniqueKey() {
        return uniqueKey;
    }
}
