package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.festivalledger.http.UnknownId;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.rules.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The audit trail: every event in global order with who, why and a plain description, filtered by entity,
 * actor, event type and time; and the history of one entity showing what each revision changed.
 */
@RestController
@RequestMapping("/api/audit")
class AuditTrailController {

    private static final int MAX_LIMIT = 1000;

    private final AuditTrail trail;
    private final LedgerLog ledger;
    private final ObjectMapper json = new ObjectMapper();

    AuditTrailController(AuditTrail trail, LedgerLog ledger) {
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
    }

    record TrailPage(List<TrailEvent> events, Long next) {
    }

    record History(String entity, int events, List<TrailEvent> history) {
    }

    @GetMapping("/events")
    TrailPage events(@RequestParam(defaultValue = "1") long from, @RequestParam(defaultValue = "100") int limit,
                     @RequestParam(required = false) String entity, @RequestParam(required = false) String actor,
                     @RequestParam(required = false) String type, @RequestParam(required = false) Instant since,
                     @RequestParam(required = false) Instant until) {
        if (from < 1) {
            throw InvalidInput.of("from", "must be a ledger position, 1 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Predicate<AuditTrail.Line> filter = line -> (entity == null || line.concerns(entity))
                && (actor == null || actor.equals(line.actor()))
                && (type == null || type.equals(line.type()))
                && (since == null || !line.timestamp().isBefore(since))
                && (until == null || line.timestamp().isBefore(until));
        List<AuditTrail.Line> lines = trail.find(from, limit + 1, filter);
        Long next = lines.size() > limit ? lines.get(limit).position() : null;
        return new TrailPage(events(lines.subList(0, Math.min(limit, lines.size())), false), next);
    }

    /**
     * Every event of one entity (an aggregate's own stream, and the events of other streams that name it, such
     * as the scores an entry received), oldest first, each revision with what it changed. Aggregate ids may hold
     * a slash ({@code <competition>/judging}), hence the wildcard path.
     */
    @GetMapping("/entities/**")
    History history(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = "/api/audit/entities/";
        if (!path.endsWith("/history") || path.length() <= prefix.length() + "/history".length()) {
            throw new UnknownId("audit resource", path);
        }
        String entity = URLDecoder.decode(path.substring(prefix.length(), path.length() - "/history".length()),
                StandardCharsets.UTF_8);
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
