package org.festivalledger.audit;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.serialization.Revision;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.judging.EntryLeftContention;
import org.festivalledger.judging.JudgingEstablished;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.submission.SubmissionReceived;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

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
    private record Kind<T>(ObjectReader reader, String revision, Function<T, String> competition,
                           boolean judgingStream) {

        @SuppressWarnings("unchecked")
        String competitionOf(Object event) {
            return competition.apply((T) event);
        }
    }

    private final Map<String, Kind<?>> kinds = new HashMap<>();

    public EventPayloads() {
        ObjectMapper mapper = objectMapper();
        // The judging's own events: a decision is drawn from this stream alone (ShortlistDrawing replays it).
        judging(mapper, JudgingEstablished.class, JudgingEstablished::competitionId);
        judging(mapper, JurorAppointed.class, JurorAppointed::competitionId);
        judging(mapper, JurorAccessIssued.class, JurorAccessIssued::competitionId);
        judging(mapper, JurorAccessRevoked.class, JurorAccessRevoked::competitionId);
        judging(mapper, ConflictDeclared.class, ConflictDeclared::competitionId);
        judging(mapper, RoundOpened.class, RoundOpened::competitionId);
        judging(mapper, JurorsAssigned.class, JurorsAssigned::competitionId);
        judging(mapper, AssignmentRemoved.class, AssignmentRemoved::competitionId);
        judging(mapper, RoundClosed.class, RoundClosed::competitionId);
        judging(mapper, EntryDropped.class, EntryDropped::competitionId);
        judging(mapper, ScoreRecorded.class, ScoreRecorded::competitionId);
        judging(mapper, ScoreRevised.class, ScoreRevised::competitionId);
        judging(mapper, ScoreVoided.class, ScoreVoided::competitionId);
        judging(mapper, EntryLeftContention.class, EntryLeftContention::competitionId);
        judging(mapper, ShortlistDrawn.class, ShortlistDrawn::competitionId);
        judging(mapper, AwardConferred.class, AwardConferred::competitionId);
        judging(mapper, AwardRevoked.class, AwardRevoked::competitionId);
        judging(mapper, ResultsPublished.class, ResultsPublished::competitionId);
        // Facts from other entities that the judging relies on: titles and receipt times for the tie-break, and
        // the award categories as announced.
        other(mapper, SubmissionReceived.class, SubmissionReceived::competitionId);
        other(mapper, CompetitionAnnounced.class, CompetitionAnnounced::competitionId);
    }

    private <T> void judging(ObjectMapper mapper, Class<T> type, Function<T, String> competition) {
        kinds.put(type.getName(), new Kind<>(mapper.readerFor(type), revision(type), competition, true));
    }

    private <T> void other(ObjectMapper mapper, Class<T> type, Function<T, String> competition) {
        kinds.put(type.getName(), new Kind<>(mapper.readerFor(type), revision(type), competition, false));
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
        if (kind.revision() != null && !kind.revision().equals(event.payloadRevision())) {
            throw new UnreadablePayload("revision " + event.payloadRevision() + " of " + simpleName(event)
                    + " is not known to this verifier (it reads revision " + kind.revision() + ")");
        }
        Object payload;
        try {
            payload = kind.reader().readValue(event.payload() == null ? "null" : event.payload());
        } catch (JsonProcessingException e) {
            throw new UnreadablePayload("the payload is not a readable " + simpleName(event) + " ("
                    + e.getOriginalMessage() + ")");
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
