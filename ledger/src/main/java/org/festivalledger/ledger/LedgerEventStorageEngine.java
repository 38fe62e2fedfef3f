package org.festivalledger.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Axon's view of the {@link LedgerLog}: serializes Axon's messages into ledger events and back, hands
 * out {@link GlobalSequenceTrackingToken}s whose index is the ledger position, and keeps the latest
 * snapshot of each aggregate (snapshots are derived data, outside the hash chain).
 */
public class LedgerEventStorageEngine extends AbstractEventStorageEngine {

    /** Metadata key whose value, when present, must be unique across the whole log (idempotency). */
    public static final String UNIQUE_KEY_METADATA = "ledgerUniqueKey";
    public static final String SNAPSHOTS = "ledger_snapshots";

    private final LedgerLog ledger;
    private final MongoCollection<Document> snapshots;
    // Keys some events must hold alone on the whole log (e.g. a juror's access version); null: none.
    private volatile Function<Object, String> eventKeys = payload -> null;

    protected LedgerEventStorageEngine(Builder builder, LedgerLog ledger, MongoDatabase database) {
        super(builder);
        this.ledger = ledger;
        this.snapshots = database.getCollection(SNAPSHOTS);
    }

    /** Creates an engine over {@code ledger} with the given serializers (Jackson in the application). */
    public static LedgerEventStorageEngine create(LedgerLog ledger, MongoDatabase database,
                                                  Serializer eventSerializer, Serializer snapshotSerializer,
                                                  org.axonframework.serialization.upcasting.event.EventUpcaster upcasters) {
        Builder builder = new Builder() {
        };
        builder.eventSerializer(eventSerializer).snapshotSerializer(snapshotSerializer);
        if (upcasters != null) {
            builder.upcasterChain(upcasters);
        }
        return new LedgerEventStorageEngine(builder, ledger, database);
    }

    public LedgerLog ledger() {
        return ledger;
    }

    /**
     * Gives events of some kinds a ledger-wide unique key, derived from their payload ({@code null} for none),
     * written with their commit: anyone can then ask the ledger in one exact lookup whether such an event exists.
     */
    public void keyEventsBy(Function<Object, String> eventKeys) {
        this.eventKeys = eventKeys;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        List<PendingEvent> pending = new ArrayList<>(events.size());
        List<String> uniqueKeys = new ArrayList<>();
        for (EventMessage<?> event : events) {
            pending.add(toPending(event, serializer));
            Object uniqueKey = event.getMetaData().get(UNIQUE_KEY_METADATA);
            if (uniqueKey != null && !uniqueKeys.contains(uniqueKey.toString())) {
                uniqueKeys.add(uniqueKey.toString());
            }
            String eventKey = eventKeys.apply(event.getPayload());
            if (eventKey != null && !uniqueKeys.contains(eventKey)) {
                uniqueKeys.add(eventKey);
            }
        }
        try {
            List<StoredEvent> stored = ledger.append(pending, uniqueKeys);
            AppendReceipt.record(stored.get(stored.size() - 1).position());
        } catch (StreamConflict conflict) {
            if (conflict.uniqueKey() != null) {
                throw new DuplicateRequest(conflict.uniqueKey(), conflict);
            }
            if (conflict.sequence() == 0) {
                throw new AggregateStreamCreationException(
                        "an entity with id " + conflict.aggregateId() + " already exists", conflict);
            }
            throw new ConcurrencyException("entity " + conflict.aggregateId()
                    + " was changed concurrently (sequence " + conflict.sequence() + " is taken)", conflict);
        }
    }

    private static PendingEvent toPending(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        SerializedObject<String> metadata = event.serializeMetaData(serializer, String.class);
        String aggregateId = event.getIdentifier();
        String aggregateType = null;
        long sequence = 0;
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            aggregateId = domainEvent.getAggregateIdentifier();
            aggregateType = domainEvent.getType();
            sequence = domainEvent.getSequenceNumber();
        }
        return new PendingEvent(aggregateId, aggregateType, sequence, event.getIdentifier(),
                payload.getType().getName(), payload.getType().getRevision(), payload.getData(), metadata.getData(),
                event.getTimestamp());
    }

    @Override
    protected void storeSnapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        SerializedObject<String> payload = snapshot.serializePayload(serializer, String.class);
        SerializedObject<String> metadata = snapshot.serializeMetaData(serializer, String.class);
        Document document = new Document("_id", snapshot.getAggregateIdentifier())
                .append("type", snapshot.getType())
                .append("sequence", snapshot.getSequenceNumber())
                .append("eventId", snapshot.getIdentifier())
                .append("payloadType", payload.getType().getName())
                .append("payloadRevision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metadata", metadata.getData())
                .append("timestamp", snapshot.getTimestamp().toString());
        // One snapshot per aggregate, replaced by newer ones: a load is one exact-key lookup.
        snapshots.replaceOne(Filters.eq("_id", snapshot.getAggregateIdentifier()), document,
                new ReplaceOptions().upsert(true));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readSnapshotData(String aggregateIdentifier) {
        Document snapshot = snapshots.find(Filters.eq("_id", aggregateIdentifier)).first();
        if (snapshot == null) {
            return Stream.empty();
        }
        return Stream.of(new GenericDomainEventEntry<>(snapshot.getString("type"), aggregateIdentifier,
                snapshot.getLong("sequence"), snapshot.getString("eventId"),
                Instant.parse(snapshot.getString("timestamp")), snapshot.getString("payloadType"),
                snapshot.getString("payloadRevision"), snapshot.getString("payload"),
                snapshot.getString("metadata")));
    }

    @Override
    protected Stream<? extends DomainEventData<?>> readEventData(String identifier, long firstSequenceNumber) {
        return ledger.readStream(identifier, firstSequenceNumber).map(LedgerEventStorageEngine::entry);
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        long from = trackingToken == null ? 1 : trackingToken.position().orElse(0) + 1;
        return ledger.readFrom(from).map(event -> new TrackedDomainEventData<>(
                new GlobalSequenceTrackingToken(event.position()), entry(event)));
    }

    private static GenericDomainEventEntry<String> entry(StoredEvent event) {
        return new GenericDomainEventEntry<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                event.eventId(), event.timestamp(), event.payloadType(), event.payloadRevision(), event.payload(),
                event.metadata());
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return ledger.lastSequence(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return null;
    }

    @Override
    public TrackingToken createHeadToken() {
        return new GlobalSequenceTrackingToken(ledger.head().position());
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return new GlobalSequenceTrackingToken(ledger.positionAt(dateTime));
    }

    /** Thrown when a request's idempotency key is already on the log: the request was recorded before. */
    public static final class DuplicateRequest extends RuntimeException {
        private final String key;

        DuplicateRequest(String key, Throwable cause) {
            super("a request with this idempotency key was already recorded", cause);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

}
