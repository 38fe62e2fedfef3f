package org.festivalledger.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Revision;
import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.judging.JudgingEvent;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.submission.SubmissionReceivedUpcaster;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads the payloads that decisions rest on, with the same Jackson configuration the application stores them
 * with. Only a fixed list of domain event types is ever instantiated: an export is untrusted input, and a class
 * name taken from it must never choose what gets constructed.
 */
public final class EventPayloads {

    private static final String JUDGING_SUFFIX = JudgingId.of("");

    /**
     * The mapper of the application's event serializer (Axon's Jackson serializer is built from it): field access
     * so aggregates snapshot without getters, ISO instants so payloads read well in an export, and unknown
     * properties tolerated so an older reader survives an added field.
     */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper().findAndRegisterModules()
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A payload read, the competition it belongs to, and whether it sits in the stream it can only come from. */
    public record Payload(Object event, String competitionId, boolean inItsStream) {
    }

    /** How one event type is read and where it belongs. */
    private record Kind<T>(ObjectReader reader, String revision, Function<? super T, String> competition,
                           boolean judgingStream, Map<String, UnaryOperator<JsonNode>> olderRevisions) {

        @SuppressWarnings("unchecked")
        String competitionOf(Object event) {
            return competition.apply((T) event);
        }
    }

    private final Map<String, Kind<?>> kinds = new HashMap<>();
    private final ObjectMapper mapper;

    public EventPayloads() {
        ObjectMapper mapper = objectMapper();
        // The judging's own events: a decision is drawn from this stream alone (ShortlistDrawing replays it).
        JudgingEvent.TYPES.forEach(type -> judging(mapper, type, JudgingEvent::competitionId));
        // Facts from other entities that the judging relies on: titles and receipt times for the tie-break, and
        // the award categories as announced.
        other(mapper, SubmissionReceived.class, SubmissionReceived::competitionId,
                Map.of("1", SubmissionReceivedUpcaster::revision1To2));
        other(mapper, CompetitionAnnounced.class, CompetitionAnnounced::competitionId, Map.of());
        this.mapper = mapper;
    }

    private <T extends JudgingEvent> void judging(ObjectMapper mapper, Class<T> type,
                                                  Function<? super T, String> competition) {
        kinds.put(type.getName(), new Kind<>(mapper.readerFor(type), revision(type), competition, true, Map.of()));
    }

    /**
     * @param olderRevisions how each older revision still on the ledger is read as the current one: the same upcast
     *                       the application reads it with
     */
    private <T> void other(ObjectMapper mapper, Class<T> type, Function<T, String> competition,
                           Map<String, UnaryOperator<JsonNode>> olderRevisions) {
        kinds.put(type.getName(), new Kind<>(mapper.readerFor(type), revision(type), competition, false,
                olderRevisions));
    }

    private static String revision(Class<?> type) {
        Revision revision = type.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    /**
     * Whether the event may concern one of {@code competitions}, judged without reading its payload: a judging
     * event names its competition in its aggregate id. Lets a replay skip the bulk of other competitions' scores.
     */
    public boolean mayConcern(StoredEvent event, Set<String> competitions) {
        Kind<?> kind = kinds.get(event.payloadType());
        if (kind == null) {
            return false;
        }
        String aggregate = event.aggregateId();
        if (!kind.judgingStream() || aggregate == null || !aggregate.endsWith(JUDGING_SUFFIX)) {
            return true;
        }
        return competitions.contains(aggregate.substring(0, aggregate.length() - JUDGING_SUFFIX.length()));
    }

    /**
     * Reads the payload of an event of a type decisions rest on.
     *
     * @return empty for any other type
     * @throws UnreadablePayload if the payload is not valid JSON for its type, or of a revision this verifier
     *                           does not know
     */
    public Optional<Payload> read(StoredEvent event) {
        Kind<?> kind = kinds.get(event.payloadType());
        if (kind == null) {
            return Optional.empty();
        }
        UnaryOperator<JsonNode> upcast = kind.olderRevisions().get(event.payloadRevision());
        if (kind.revision() != null && !kind.revision().equals(event.payloadRevision()) && upcast == null) {
            throw new UnreadablePayload("revision " + event.payloadRevision() + " of " + simpleName(event)
                    + " is not known to this verifier (it reads revision " + kind.revision()
                    + (kind.olderRevisions().isEmpty() ? "" : " and " + kind.olderRevisions().keySet()) + ")");
        }
        Object payload;
        try {
            String text = event.payload() == null ? "null" : event.payload();
            payload = upcast == null ? kind.reader().readValue(text)
                    : kind.reader().readValue(upcast.apply(mapper.readTree(text)));
        } catch (JsonProcessingException e) {
            throw new UnreadablePayload("the payload is not a readable " + simpleName(event) + " ("
                    + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UnreadablePayload("the payload is not a readable " + simpleName(event) + " (" + e.getMessage() + ")");
        }
        if (payload == null) {
            throw new UnreadablePayload("the payload of " + simpleName(event) + " is empty");
        }
        String competitionId = kind.competitionOf(payload);
        boolean inItsStream = !kind.judgingStream() || (competitionId != null
                && JudgingId.of(competitionId).equals(event.aggregateId()));
        return Optional.of(new Payload(payload, competitionId, inItsStream));
    }

    private static String simpleName(StoredEvent event) {
        String type = event.payloadType();
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** A payload of a known type that cannot be read. */
    public static final class UnreadablePayload extends RuntimeException {
        UnreadablePayload(String message) {
            super(message);
        }
    }
}
