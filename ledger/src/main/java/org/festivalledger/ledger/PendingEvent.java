package org.festivalledger.ledger;

import java.time.Instant;

/**
 * An event on its way into the ledger: serialized, but not yet given a position or a hash. Its text must be
 * well-formed Unicode ({@link MalformedText}), so it reads back exactly as it was hashed.
 */
public record PendingEvent(String aggregateId, String aggregateType, long sequence, String eventId,
                           String payloadType, String payloadRevision, String payload, String metadata,
                           Instant timestamp) {

    public PendingEvent {
        MalformedText.requireWellFormed(aggregateId, "aggregate id");
        MalformedText.requireWellFormed(payload, "payload");
        MalformedText.requireWellFormed(metadata, "metadata");
    }

    boolean isDomainEvent() {
        return aggregateType != null;
    }

    StoredEvent at(long position, Instant recordedAt, String previousHash) {
        StoredEvent unhashed = new StoredEvent(position, aggregateId, aggregateType, sequence, eventId, payloadType,
                payloadRevision, payload, metadata, timestamp, recordedAt, previousHash, null);
        return new StoredEvent(position, aggregateId, aggregateType, sequence, eventId, payloadType,
                payloadRevision, payload, metadata, timestamp, recordedAt, previousHash, ChainHash.of(unhashed));
    }
}
