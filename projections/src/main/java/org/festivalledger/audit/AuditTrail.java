package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.view.BackgroundRestore;
import org.festivalledger.view.ViewSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The audit trail's index: one compact line per event of the log, in global order, with who did it, why and
 * which entities it concerns. It follows the ledger itself (not an event processor): a query first catches up
 * with the head, so an auditor always sees everything recorded before the question. Filters run over this
 * index in memory (the embedded store would scan its whole collection for any range or secondary-key query);
 * the full events of the page returned are then read back from the ledger by exact position.
 * <p>
 * Memory is about 150 bytes per event: 30 MB for a 200,000-event festival. A snapshot of the lines is saved every
 * minute and at shutdown ({@link SavedLines}); a start loads it and reads only the events after it.
 */
@Component
public class AuditTrail {

    /** One event as the index keeps it. {@code subjects} are the ids its payload names (entry, juror, round…). */
    public record Line(long position, String type, String aggregateId, String actor, String role, String reason,
                       String correlationId, Instant timestamp, Set<String> subjects) {

        public boolean concerns(String entity) {
            return entity.equals(aggregateId) || subjects.contains(entity);
        }
    }

    private static final Set<String> NOT_A_SUBJECT = Set.of("competitionId");
    private static final Set<String> SCORES = Set.of("ScoreRecorded", "ScoreRevised");
    private static final Set<String> LISTS_OF_ENTRIES = Set.of("entries", "shortlist", "submissionIds");

    private final LedgerLog ledger;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Line> lines = new ArrayList<>();
    /**
     * Positions of the scores (recorded or revised) per round, juror and entry, in order: a revision's predecessor.
     * Keyed by the score's subjects (those three ids) so that lines restored from a snapshot index the same way.
     */
    private final Map<String, List<Long>> scores = new HashMap<>();
    private final ViewSnapshots snapshots;
    private volatile int savedLines;
    /** The snapshot being read; every use of the lines waits for it. */
    private final BackgroundRestore<Integer> restored;
    private static final String SNAPSHOT = "audit-trail";
    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    /** A trail built from the log alone (the rebuild check's fresh copy). */
    public AuditTrail(LedgerLog ledger) {
        this.ledger = ledger;
        this.snapshots = null;
        this.restored = BackgroundRestore.nothing(0);
    }

    /**
     * The application's trail: it starts from its last snapshot (the lines of an immutable log never change, so a
     * snapshot of the first n lines is right forever) and reads only the events after it.
     */
    @Autowired
    public AuditTrail(LedgerLog ledger, MongoDatabase database) {
        this.ledger = ledger;
        this.snapshots = new ViewSnapshots(database);
        // Read beside the application's start; it fills the fields without the monitor (see BackgroundRestore).
        this.restored = BackgroundRestore.start("audit-trail-restore", () -> {
            snapshots.load(SNAPSHOT, SavedLines.class).ifPresent(snapshot -> {
                snapshot.view().lines().forEach(this::add);
                savedLines = lines.size();
            });
            return lines.size();
        });
    }

    /** Saves the index when it has grown since the last snapshot; a restart then reads only what came after. */
    @Scheduled(fixedDelayString = "${ledger.audit-trail-snapshot-interval:60s}", initialDelay = 60_000)
    public void saveSnapshot() {
        if (snapshots == null) {
            return;
        }
        restored.await();
        byte[] serialized;
        int size;
        synchronized (this) {
            size = lines.size();
            if (size <= savedLines) {
                return;
            }
            serialized = ViewSnapshots.serialize(new SavedLines(lines));
        }
        snapshots.save(SNAPSHOT, size, serialized);
        savedLines = size;
    }

    @EventListener(ContextClosedEvent.class)
    void saveOnShutdown() {
        try {
            catchUp(); // the tail read since the last second, so the next start has nothing to read
            saveSnapshot();
        } catch (RuntimeException e) {
            log.warn("Could not save the audit trail at shutdown; a restart reads the log again", e);
        }
    }

    /** Keeps up with the log in the background, so a query rarely has much to read first. */
    @Scheduled(fixedDelay = 1000, initialDelay = 1000)
    void follow() {
        catchUp();
    }

    /** Reads every event recorded since the last call; returns the position now indexed. */
    public synchronized long catchUp() {
        return catchUpTo(ledger.head().position());
    }

    /** Reads the events up to {@code position} not yet indexed; returns the position now indexed. */
    public synchronized long catchUpTo(long position) {
        restored.await();
        long next = lines.size() + 1L;
        if (next > position) {
            return lines.size();
        }
        try (var events = ledger.readFrom(next, LedgerLog.DEFAULT_CHUNK)) {
            events.takeWhile(event -> event.position() <= position).forEach(event -> {
                add(line(event, read(event.payload())));
            });
        }
        return lines.size();
    }

    /** The lines that pass {@code filter}, from {@code fromPosition} on, at most {@code limit} of them. */
    public synchronized List<Line> find(long fromPosition, int limit, Predicate<Line> filter) {
        catchUp(); // waits for the restore
        List<Line> found = new ArrayList<>();
        // Positions are longs a client chooses: one past the end finds nothing (cast first, it would wrap around).
        if (fromPosition > lines.size()) {
            return found;
        }
        for (int i = (int) Math.max(0, fromPosition - 1); i < lines.size() && found.size() < limit; i++) {
            if (filter.test(lines.get(i))) {
                found.add(lines.get(i));
            }
        }
        return found;
    }

    /**
     * The position of the latest score of {@code jurorId} for {@code submissionId} in {@code roundId} recorded before
     * {@code before} (what a revision at {@code before} replaced): a binary search, not a scan of the trail.
     */
    public synchronized OptionalLong scoreBefore(String roundId, String jurorId, String submissionId, long before) {
        catchUp();
        List<Long> positions = scores.getOrDefault(scoreKey(roundId, jurorId, submissionId), List.of());
        int index = Collections.binarySearch(positions, before);
        int earlier = (index >= 0 ? index : -index - 1) - 1;
        return earlier >= 0 ? OptionalLong.of(positions.get(earlier)) : OptionalLong.empty();
    }

    private void add(Line line) {
        lines.add(line);
        if (SCORES.contains(line.type())) {
            scores.computeIfAbsent(scoreKey(line.subjects()), key -> new ArrayList<>()).add(line.position());
        }
    }

    private static String scoreKey(String roundId, String jurorId, String submissionId) {
        return scoreKey(new TreeSet<>(Arrays.asList(roundId, jurorId, submissionId)));
    }

    /** The ids a score names (round, juror, entry), in one order whatever order they come in. */
    private static String scoreKey(Set<String> subjects) {
        return String.join("|", new TreeSet<>(subjects));
    }

    /** The lines up to {@code position}, without catching up: what the index held at that point. */
    public synchronized List<Line> upTo(long position) {
        restored.await();
        return List.copyOf(lines.subList(0, (int) Math.min(position, lines.size())));
    }

    private Line line(StoredEvent event, JsonNode payload) {
        JsonNode metadata = read(event.metadata());
        return new Line(event.position(), simpleName(event.payloadType()), event.aggregateId(),
                text(metadata, "actor"), text(metadata, "role"), text(metadata, "reason"),
                text(metadata, "correlationId"), event.timestamp(), subjects(payload));
    }

    /**
     * The ids a payload names: every {@code …Id} field at any depth (an assignment's juror and entry, a ranked
     * row's entry) and the entries listed by a round or a shortlist. Not the competition: every event names it.
     */
    private static Set<String> subjects(JsonNode payload) {
        Set<String> ids = new TreeSet<>();
        collect(payload, ids);
        return Set.copyOf(ids);
    }

    private static void collect(JsonNode node, Set<String> ids) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, ids));
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (value.isTextual() && name.endsWith("Id") && !NOT_A_SUBJECT.contains(name)) {
                ids.add(value.asText());
            } else if (value.isArray() && LISTS_OF_ENTRIES.contains(name)) {
                value.forEach(element -> {
                    if (element.isTextual()) {
                        ids.add(element.asText());
                    }
                });
            }
            if (value.isContainerNode()) {
                collect(value, ids);
            }
        }
    }

    static String simpleName(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }

    private JsonNode read(String text) {
        try {
            return text == null ? json.createObjectNode() : json.readTree(text);
        } catch (Exception e) {
            return json.createObjectNode(); // the chain verifier reports a damaged event; the trail still lists it
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
