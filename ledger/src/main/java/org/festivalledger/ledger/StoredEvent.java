package org.festivalledger.ledger;

import java.time.Instant;

/**
 * One event exactly as the ledger keeps it: its global position, the serialized payload and metadata,
 * and the two links of the hash chain. This is what an auditor's export carries, line by line.
 *
 * @param position       global position, 1, 2, 3, … with no gap
 * @param aggregateId    the entity the event belongs to (for a non-domain event: its own event id)
 * @param aggregateType  the entity's type, or {@code null} for an event outside any aggregate
 * @param sequence       the event's number within its aggregate, 0, 1, 2, …
 * @param eventId        Axon's message identifier
 * @param payloadType    the payload's class name, as Axon's serializer names it
 * @param payloadRevision the payload's revision ({@code @Revision}), may be {@code null}
 * @param payload        the payload as JSON, byte for byte as hashed
 * @param metadata       the metadata as JSON, byte for byte as hashed
 * @param timestamp      when the event was created (Axon's clock)
 * @param recordedAt     when the ledger accepted its commit; never earlier than the previous commit's
 * @param previousHash   the hash of the event at {@code position - 1} (64 zeros for position 1)
 * @param hash           SHA-256 over the canonical encoding, see {@link ChainHash}
 */
public record StoredEvent(long position, String aggregateId, String aggregateType, long sequence, String eventId,
                          String payloadType, String payloadRevision, String payload, String metadata,
                          Instant timestamp, Instant recordedAt, String previousHash, String hash) {

    /** Whether this event belongs to an aggregate's stream (and so takes part in its concurrency check). */
    public boolean isDomainEvent() {
        return aggregateType != null;
    }
}
