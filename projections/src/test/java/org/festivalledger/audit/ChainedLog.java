package org.festivalledger.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.ledger.ChainHash;
import org.festivalledger.ledger.StoredEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A ledger built in memory for the verifier's tests: events serialised as the application does, hash-chained. */
final class ChainedLog {

    private static final Instant START = Instant.parse("2026-04-20T10:00:00Z");

    private final ObjectMapper json = EventPayloads.objectMapper();
    private final List<StoredEvent> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();

    /** Appends an event of an aggregate and returns its position. */
    long append(String aggregateId, String aggregateType, Object payload) {
        try {
            return append(aggregateId, aggregateType, payload.getClass().getName(), json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    long append(String aggregateId, String aggregateType, String payloadType, String payload) {
        long position = events.size() + 1;
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        Instant at = START.plusSeconds(position);
        String previous = events.isEmpty() ? ChainHash.GENESIS : events.get(events.size() - 1).hash();
        events.add(hashed(new StoredEvent(position, aggregateId, aggregateType, sequence, "event-" + position,
                payloadType, "1", payload, "{\"actor\":\"organiser\",\"role\":\"ORGANISER\"}", at, at, previous, null)));
        return position;
    }

    List<StoredEvent> events() {
        return events;
    }

    long head() {
        return events.size();
    }

    /** The events with every hash from {@code index} on recomputed, as a forger who knows the formula would. */
    static List<StoredEvent> rechained(List<StoredEvent> events) {
        List<StoredEvent> chained = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (StoredEvent e : events) {
            StoredEvent linked = hashed(new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(),
                    e.eventId(), e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.timestamp(),
                    e.recordedAt(), previous, null));
            chained.add(linked);
            previous = linked.hash();
        }
        return chained;
    }

    static StoredEvent withPayload(StoredEvent e, String payload) {
        return new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(), e.eventId(),
                e.payloadType(), e.payloadRevision(), payload, e.metadata(), e.timestamp(), e.recordedAt(),
                e.previousHash(), e.hash());
    }

    private static StoredEvent hashed(StoredEvent e) {
        return new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(), e.eventId(),
                e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.timestamp(), e.recordedAt(),
                e.previousHash(), ChainHash.of(e));
    }

    /** Writes events as an export file. */
    static Path write(List<StoredEvent> events, Path file) {
        try (OutputStream out = Files.newOutputStream(file); JsonGenerator generator = LedgerLines.generator(out)) {
            for (StoredEvent event : events) {
                LedgerLines.write(event, generator);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The events as a log the verifier can read twice. */
    static LedgerVerifier.Log log(List<StoredEvent> events) {
        return unreadable -> events.stream();
    }
}
