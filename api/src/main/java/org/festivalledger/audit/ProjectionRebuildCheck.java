package org.festivalledger.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.stream.BlockingStream;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.http.ViewsCatchingUp;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.programme.ProgrammeSchedule;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.storage.LedgerProperties;
import org.festivalledger.submission.SubmissionRegister;
import org.springframework.stereotype.Component;

import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds every projection from position 1 into fresh collections (a database of its own, dropped afterwards)
 * and compares a digest of each with the live one at the same ledger position. A difference means a live view
 * drifted from what the log says — a bug, or a view edited behind the ledger's back.
 */
@Component
class ProjectionRebuildCheck {

    private static final int ATTEMPTS = 3;

    record ViewDigest(String view, String live, String rebuilt, boolean same) {
    }

    record Report(boolean ok, long position, List<ViewDigest> views, long millis) {
    }

    private final MongoClient client;
    private final LedgerProperties properties;
    private final EventStore events;
    private final LedgerLog ledger;
    private final ProjectionProgress progress;
    private final CompetitionCatalogue catalogue;
    private final SubmissionRegister register;
    private final JudgingBoard board;
    private final ProgrammeSchedule programme;
    private final AuditTrail trail;
    private final java.util.concurrent.atomic.AtomicLong rebuilt = new java.util.concurrent.atomic.AtomicLong();
    private final ObjectMapper canonical = JsonMapper.builder().findAndAddModules()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    ProjectionRebuildCheck(MongoClient client, LedgerProperties properties, EventStore events, LedgerLog ledger,
                           ProjectionProgress progress, CompetitionCatalogue catalogue, SubmissionRegister register,
                           JudgingBoard board, ProgrammeSchedule programme, AuditTrail trail) {
        this.client = client;
        this.properties = properties;
        this.events = events;
        this.ledger = ledger;
        this.progress = progress;
        this.catalogue = catalogue;
        this.register = register;
        this.board = board;
        this.programme = programme;
        this.trail = trail;
    }

    /** One check at a time: a rebuild reads the whole log. */
    synchronized Report run() {
        long started = System.nanoTime();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            long head = ledger.head().position();
            if (!progress.awaitPosition(head, Duration.ofSeconds(30))) {
                throw new ViewsCatchingUp();
            }
            trail.catchUp();
            Map<String, String> live = digests(catalogue, register, board, programme, trail, head);
            if (ledger.head().position() != head) {
                continue; // something was recorded meanwhile: the live digests are not of one position
            }
            this.rebuilt.set(0);
            Map<String, String> rebuilt = rebuild(head);
            List<ViewDigest> views = new ArrayList<>();
            live.forEach((view, digest) -> views.add(new ViewDigest(view, digest, rebuilt.get(view),
                    digest.equals(rebuilt.get(view)))));
            return new Report(views.stream().allMatch(ViewDigest::same), head, views,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
        throw new ViewsCatchingUp();
    }

    /** How far the rebuild under way has replayed the log (for a page that shows its progress). */
    long rebuiltUpTo() {
        return rebuilt.get();
    }

    private Map<String, String> rebuild(long head) {
        String name = properties.database() + "_rebuild_" + System.currentTimeMillis();
        MongoDatabase fresh = client.getDatabase(name);
        try {
            CompetitionCatalogue freshCatalogue = new CompetitionCatalogue(fresh);
            SubmissionRegister freshRegister = new SubmissionRegister(fresh);
            JudgingBoard freshBoard = new JudgingBoard(fresh);
            ProgrammeSchedule freshProgramme = new ProgrammeSchedule(fresh, programme.festivalZone().getId());
            List<AnnotationEventHandlerAdapter> handlers = List.of(
                    new AnnotationEventHandlerAdapter(freshCatalogue),
                    new AnnotationEventHandlerAdapter(freshRegister),
                    new AnnotationEventHandlerAdapter(freshBoard),
                    new AnnotationEventHandlerAdapter(freshProgramme));
            try (BlockingStream<TrackedEventMessage<?>> stream = events.openStream(null)) {
                while (stream.hasNextAvailable()) {
                    TrackedEventMessage<?> message = stream.nextAvailable();
                    long position = message.trackingToken().position().orElse(0);
                    if (position > head) {
                        break;
                    }
                    rebuilt.set(position);
                    for (AnnotationEventHandlerAdapter handler : handlers) {
                        if (handler.canHandle(message)) {
                            handler.handle(message);
                        }
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("rebuilding the projections failed", e);
            }
            AuditTrail freshTrail = new AuditTrail(ledger);
            freshTrail.catchUpTo(head);
            return digests(freshCatalogue, freshRegister, freshBoard, freshProgramme, freshTrail, head);
        } finally {
            fresh.drop();
        }
    }

    private Map<String, String> digests(CompetitionCatalogue competitions, SubmissionRegister submissions,
                                        JudgingBoard judging, ProgrammeSchedule schedule, AuditTrail auditTrail,
                                        long head) {
        List<CompetitionView> all = competitions.all();
        Map<String, Object> submissionsByCompetition = new TreeMap<>();
        Map<String, Object> boards = new TreeMap<>();
        Map<String, Object> programmes = new TreeMap<>();
        for (CompetitionView competition : all) {
            submissionsByCompetition.put(competition.id(), submissions.of(competition.id()));
            judging.read(competition.id(), record -> boards.put(competition.id(), digestOf(record)));
            programmes.put(competition.id(), schedule.organiserSchedule(competition.id(), schedule.festivalZone()));
        }
        Map<String, String> digests = new LinkedHashMap<>();
        digests.put("competitions", digestOf(all));
        digests.put("submissions", digestOf(submissionsByCompetition));
        digests.put("judging", digestOf(boards));
        digests.put("programme", digestOf(programmes));
        digests.put("audit-trail", digestOf(auditTrail.upTo(head)));
        return digests;
    }

    /**
     * The SHA-256 of the view's canonical JSON, streamed into the digest as it is written: a festival's judging board
     * is tens of megabytes of JSON, and holding it as one array (for the live views and again for the rebuilt ones,
     * beside a second copy of every view) ran the festival benchmark's 512 MB heap out of memory.
     */
    String digestOf(Object view) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream json = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
                canonical.writeValue(json, view);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (Exception e) {
            throw new IllegalStateException("a view could not be digested", e);
        }
    }
}
