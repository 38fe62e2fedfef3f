package org.festivalledger.ledger;

import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The MongoDB shape of one commit: the events of one unit of work, stored as a single document so that
 * they are written all or none without transactions.
 *
 * <pre>
 * { _id: first position, last: last position, recordedAt, prev: hash before, hash: hash of the last event,
 *   keys: [ "s:&lt;seq&gt;:&lt;aggregateId&gt;" per domain event, "p:&lt;position&gt;" per later position,
 *           "u:&lt;key&gt;" per uniqueness key ],
 *   events: [ { a, t, s, i, pt, pr, p, m, ts, h } ] }
 * </pre>
 *
 * <p>{@code keys} carries a unique multikey index. That one index gives every hot path an exact-key
 * lookup (an aggregate's next events, the commit holding a position, a retried request) and makes the
 * insert itself the optimistic-concurrency check: two commits can never claim the same aggregate
 * sequence number or the same idempotency key.
 */
final class CommitDocument {

    static final String ID = "_id";
    static final String LAST = "last";
    static final String KEYS = "keys";
    static final String EVENTS = "events";
    static final String PREVIOUS_HASH = "prev";
    static final String HASH = "hash";
    static final String RECORDED_AT = "recordedAt";

    private CommitDocument() {
    }

    /** The key under which an aggregate's event with this sequence number is found. */
    static String streamKey(String aggregateId, long sequence) {
        // Sequence first: it is digits only, so the first colon after it ends it whatever the id contains.
        return "s:" + sequence + ":" + aggregateId;
    }

    /** The key under which a position that does not start its commit is found. */
    static String positionKey(long position) {
        return "p:" + position;
    }

    /** The key that makes a client-supplied uniqueness key (an idempotency key) unique across the log. */
    static String uniqueKey(String key) {
        return "u:" + key;
    }

    static Document toDocument(List<StoredEvent> events, List<String> uniqueKeys) {
        StoredEvent first = events.get(0);
        StoredEvent last = events.get(events.size() - 1);
        List<String> keys = new ArrayList<>();
        List<Document> eventDocuments = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            if (event.isDomainEvent()) {
                keys.add(streamKey(event.aggregateId(), event.sequence()));
            }
            if (event.position() != first.position()) {
                keys.add(positionKey(event.position()));
            }
            eventDocuments.add(new Document("a", event.aggregateId())
                    .append("t", event.aggregateType())
                    .append("s", event.sequence())
                    .append("i", event.eventId())
                    .append("pt", event.payloadType())
                    .append("pr", event.payloadRevision())
                    .append("p", event.payload())
                    .append("m", event.metadata())
                    .append("ts", event.timestamp().toString())
                    .append("h", event.hash()));
        }
        uniqueKeys.forEach(key -> keys.add(uniqueKey(key)));
        return new Document(ID, first.position())
                .append(LAST, last.position())
                .append(RECORDED_AT, first.recordedAt().toString())
                .append(PREVIOUS_HASH, first.previousHash())
                .append(HASH, last.hash())
                .append(KEYS, keys)
                .append(EVENTS, eventDocuments);
    }

    static List<StoredEvent> events(Document commit) {
        long position = commit.getLong(ID);
        Instant recordedAt = Instant.parse(commit.getString(RECORDED_AT));
        String previousHash = commit.getString(PREVIOUS_HASH);
        List<Document> eventDocuments = commit.getList(EVENTS, Document.class);
        List<StoredEvent> events = new ArrayList<>(eventDocuments.size());
        for (Document e : eventDocuments) {
            String hash = e.getString("h");
            events.add(new StoredEvent(position++, e.getString("a"), e.getString("t"), e.getLong("s"),
                    e.getString("i"), e.getString("pt"), e.getString("pr"), e.getString("p"), e.getString("m"),
                    Instant.parse(e.getString("ts")), recordedAt, previousHash, hash));
            previousHash = hash;
        }
        return events;
    }

    static long first(Document commit) {
        return commit.getLong(ID);
    }

    static long last(Document commit) {
        return commit.getLong(LAST);
    }

    static String hash(Document commit) {
        return commit.getString(HASH);
    }

    static Instant recordedAt(Document commit) {
        return Instant.parse(commit.getString(RECORDED_AT));
    }
}
