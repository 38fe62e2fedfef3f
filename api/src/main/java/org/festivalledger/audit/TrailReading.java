package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.http.UnknownId;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * Reading the audit trail, for the JSON API and the auditor's pages alike: a page of events from a position on
 * (cursor paging over {@link AuditTrail}'s in-memory index, so the 200,000th event costs what the first does), and
 * one entity's history with what each revision changed.
 */
@Service
class TrailReading {

    private final AuditTrail trail;
    private final LedgerLog ledger;
    private final ObjectMapper json = new ObjectMapper();

    TrailReading(AuditTrail trail, LedgerLog ledger) {
        this.trail = trail;
        this.ledger = ledger;
    }

    /**
     * One event of the trail: the ledger's record of it plus a description and, for a revision, the change.
     * {@code timestamp} is when the event was created, {@code recordedAt} when the ledger accepted it: standings
     * {@code asOf} an instant count the events recorded by then.
     */
    record TrailEvent(long position, String type, String aggregateId, long sequence, Instant timestamp,
                      Instant recordedAt, String actor,
                      String role, String reason, String correlationId, String description, JsonNode payload,
                      Map<String, Object> changes, String hash, String previousHash) {

        /** The competition a judging event belongs to ({@code <competition>/judging}), if it is one. */
        public String judgingCompetition() {
            return aggregateId != null && aggregateId.endsWith("/judging")
                    ? aggregateId.substring(0, aggregateId.length() - "/judging".length()) : null;
        }

        /** The competition the event belongs to, if it names one. */
        public String competitionId() {
            JsonNode competition = payload == null ? null : payload.get("competitionId");
            return competition != null && competition.isTextual() ? competition.asText() : judgingCompetition();
        }

        /** The round the event names, if any. */
        public String roundId() {
            JsonNode round = payload == null ? null : payload.get("roundId");
            return round == null || !round.isTextual() ? null : round.asText();
        }
    }

    /** A page of the trail; {@code next} is the position to ask from for the page after it (none at the end). */
    record TrailPage(List<TrailEvent> events, Long next) {
    }

    record History(String entity, int events, List<TrailEvent> history) {
    }

    /** What the trail is filtered by; a {@code null} criterion lets everything through. */
    record Filter(String entity, String actor, String type, Instant since, Instant until) {

        Predicate<AuditTrail.Line> predicate() {
            return line -> (entity == null || line.concerns(entity))
                    && (actor == null || actor.equals(line.actor()))
                    && (type == null || type.equals(line.type()))
                    && (since == null || !line.timestamp().isBefore(since))
                    && (until == null || line.timestamp().isBefore(until));
        }
    }

    /** At most {@code limit} events passing {@code filter}, from position {@code from} on. */
    TrailPage page(long from, int limit, Filter filter) {
        List<AuditTrail.Line> lines = trail.find(from, limit + 1, filter.predicate());
        Long next = lines.size() > limit ? lines.get(limit).position() : null;
        return new TrailPage(events(lines.subList(0, Math.min(limit, lines.size())), false), next);
    }

    /**
     * Every event of one entity (an aggregate's own stream, and the events of other streams that name it, such
     * as the scores an entry received), oldest first, each revision with what it changed.
     */
    History history(String entity) {
        List<AuditTrail.Line> lines = trail.find(1, Integer.MAX_VALUE, line -> line.concerns(entity));
        if (lines.isEmpty()) {
            throw new UnknownId("entity", entity);
        }
        return new History(entity, lines.size(), events(lines, true));
    }

    private List<TrailEvent> events(List<AuditTrail.Line> lines, boolean withChanges) {
        Map<String, JsonNode> lastScore = new HashMap<>();
        List<TrailEvent> events = new ArrayList<>(lines.size());
        for (AuditTrail.Line line : lines) {
            StoredEvent event = stored(line.position());
            JsonNode payload = read(event.payload());
            Map<String, Object> changes = null;
            if (line.type().equals("ScoreRecorded") || line.type().equals("ScoreRevised")) {
                String key = payload.path("roundId").asText() + "|" + payload.path("jurorId").asText() + "|"
                        + payload.path("submissionId").asText();
                JsonNode before = lastScore.put(key, payload);
                if (line.type().equals("ScoreRevised")) {
                    JsonNode previous = before != null ? before : previousScore(key, line.position());
                    changes = previous == null ? null : EventDescriptions.changes(previous, payload);
                }
            }
            events.add(new TrailEvent(line.position(), line.type(), line.aggregateId(), event.sequence(),
                    line.timestamp(), event.recordedAt(), line.actor(), line.role(), line.reason(), line.correlationId(),
                    EventDescriptions.describe(line.type(), payload, line.actor()), payload, changes, event.hash(),
                    event.previousHash()));
        }
        return events;
    }

    /** The score a revision replaced, when the page does not hold it: the latest earlier one for the same key. */
    private JsonNode previousScore(String key, long before) {
        String[] parts = key.split("\\|", -1);
        OptionalLong earlier = trail.scoreBefore(parts[0], parts[1], parts[2], before);
        return earlier.isEmpty() ? null : read(stored(earlier.getAsLong()).payload());
    }

    private StoredEvent stored(long position) {
        try (var events = ledger.readFrom(position, 1)) {
            return events.findFirst().orElseThrow(() -> new UnknownId("ledger position", Long.toString(position)));
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
