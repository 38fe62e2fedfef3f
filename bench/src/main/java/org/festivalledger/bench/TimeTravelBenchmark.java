package org.festivalledger.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.competition.Criterion;
import org.festivalledger.competition.SubmissionRules;
import org.festivalledger.judging.JudgingEstablished;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.PendingEvent;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionReceived;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Standings as of a past position at festival scale: a ledger of 10,000 entries and ~150,000 score events
 * (three rounds, five of 100 jurors per entry) is written straight into the embedded store — the same events
 * and serialisation the app records, far faster than through HTTP — and the packaged app then answers
 * {@code standings?position=} by replaying the judging stream. Reported beside the live standings read of the
 * same round in the same run.
 *
 * <p>Then the first replay after a restart, which is what time travel's checkpoints are for: the app is stopped
 * and started again on the same data, once with checkpoints switched off (the whole judging stream read from the
 * store: the baseline), once reading the head and once (after another restart, so nothing is in memory) round 1
 * in the middle of the log from the checkpoints the first start wrote. Each replay's answer is compared with the
 * same replay from another path. Last, what the checkpoints take in the store. The data is removed at the end.
 */
final class TimeTravelBenchmark {

    private static final String COMPETITION = "timetravel";
    private static final String JUDGING = COMPETITION + "/judging";
    private static final int JURORS = 100;
    private static final int PER_ENTRY = 5;
    private static final int ROUNDS = 3;
    private static final String AUDITOR = "Basic " + Base64.getEncoder()
            .encodeToString("auditor:auditor-demo".getBytes(StandardCharsets.UTF_8));
    // As the app's Axon serializer writes payloads (AxonConfiguration.defaultAxonObjectMapper).
    private static final ObjectMapper PAYLOADS = new ObjectMapper().findAndRegisterModules()
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final String HEAP = "-Xmx2g";

    private final List<List<PendingEvent>> commits = new ArrayList<>();
    private long judgingSequence;

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        try (AppUnderTest app = AppUnderTest.fresh(Path.of("api/target/festival-ledger.jar"))) {
            long seeded = new TimeTravelBenchmark().seed(app.data, entries);
            System.out.printf(Locale.ROOT, "Time travel: %d entries, %d events on the ledger (%d cores, Java %s), "
                            + "load average %s%n", entries, seeded, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"), PublicBenchmark.loadAverage());
            long started = System.nanoTime();
            app.start(HEAP);
            Client client = new Client(app.port);
            client.awaitPosition(seeded);
            System.out.printf(Locale.ROOT, "the app started and its views caught up (writing checkpoints) in %.1f s%n",
                    (System.nanoTime() - started) / 1e9);
            String last = "/api/competitions/" + COMPETITION + "/rounds/round-" + ROUNDS + "/standings";
            String first = "/api/competitions/" + COMPETITION + "/rounds/round-1/standings";
            String atHead = last + "?position=" + seeded + "&top=100";
            String atMiddle = first + "?position=" + (seeded / 2) + "&top=100";
            client.time(last + "?top=100", 3); // warm-up
            // The first replay of a competition reads a checkpoint; later ones start from a copy of the one read.
            Read cold = client.read(atHead);
            double live = client.time(last + "?top=100", 10);
            Read head = client.median(atHead, 5);
            Read middle = client.median(atMiddle, 5);
            // A calibration reads the whole judging stream into memory; replays then fold it instead.
            double loading = client.ok("/api/audit/competitions/" + COMPETITION + "/rounds/round-1/calibration");
            Read headInMemory = client.median(atHead, 5);
            Read middleInMemory = client.median(atMiddle, 5);
            same(cold, head, "the first replay at the head and the next ones");
            same(head, headInMemory, "the head replayed from a checkpoint and in memory");
            same(middle, middleInMemory, "the middle replayed from a checkpoint and in memory");
            System.out.printf("%-66s %10s %10s%n", "read (top 100 rows)", "median ms", "× live");
            row("live standings, last round", live, live);
            row("first replay after the first start: the newest checkpoint read", cold.millis(), live);
            row("as of the head again: from a copy of the checkpoint read", head.millis(), live);
            row("round 1 as of the middle of the log (its checkpoint read once)", middle.millis(), live);
            row("a calibration, which reads the whole judging stream into memory", loading, live);
            row("as of the head, the whole stream in memory", headInMemory.millis(), live);
            row("round 1 as of the middle of the log, in memory", middleInMemory.millis(), live);
            app.stop();

            Read baseline = firstReadAfterStart(app.with("--ledger.time-travel.checkpoint-events=0"), seeded, atHead);
            Read restartedHead = firstReadAfterStart(app, seeded, atHead);
            Read restartedMiddle = firstReadAfterStart(app, seeded, atMiddle);
            same(baseline, restartedHead, "the head replayed from the whole stream and from a checkpoint");
            same(middleInMemory, restartedMiddle, "the middle replayed in memory and from a checkpoint");
            System.out.println();
            System.out.println("| first replay after a restart (top 100 rows) | ms |");
            System.out.println("|---|---:|");
            System.out.printf(Locale.ROOT, "| as of the head, checkpoints off: the whole judging stream from the store "
                    + "| %.1f |%n", baseline.millis());
            System.out.printf(Locale.ROOT, "| as of the head, from the newest checkpoint | %.1f |%n",
                    restartedHead.millis());
            System.out.printf(Locale.ROOT, "| round 1 as of the middle of the log, from a checkpoint | %.1f |%n",
                    restartedMiddle.millis());
            reportStore(app.data, seeded);
            // Where the slow replays' time went, as the app logged it.
            try (Stream<String> lines = Files.lines(app.data.resolve("app.log"))) {
                lines.filter(line -> line.contains("Time travel replay")).map(line -> line.substring(
                        line.indexOf("Time travel replay"))).forEach(System.out::println);
            }
            System.out.printf("load average at the end: %s%n", PublicBenchmark.loadAverage());
        }
    }

    /** Starts the app on the data the first start left, times one read once its views are at the head, stops it. */
    private static Read firstReadAfterStart(AppUnderTest app, long head, String path) throws Exception {
        app.start(HEAP);
        try {
            Client client = new Client(app.port);
            client.awaitPosition(head);
            return client.read(path);
        } finally {
            app.stop();
        }
    }

    /** What the checkpoints take in the stopped store, and the store's file, per event on the ledger. */
    private static void reportStore(Path data, long events) throws Exception {
        long checkpointBytes = 0;
        long checkpoints;
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("festival");
            // A few at a time: a chunk holds up to 4 MB, more than the embedded server's reply may hold in a batch.
            for (Document chunk : database.getCollection("judging_checkpoint_chunks").find().batchSize(4)) {
                checkpointBytes += chunk.get("data", Binary.class).length();
            }
            checkpoints = database.getCollection("judging_checkpoints").countDocuments();
        }
        long fileBytes;
        try (Stream<Path> files = Files.walk(data)) {
            fileBytes = files.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString()
                    .endsWith(".log")).mapToLong(file -> file.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "checkpoints: %d, %,d bytes compressed = %.0f bytes per event; the store's "
                        + "files after a clean stop: %,d bytes = %.0f bytes per event%n", checkpoints, checkpointBytes,
                (double) checkpointBytes / events, fileBytes, (double) fileBytes / events);
    }

    private static void same(Read one, Read other, String what) {
        if (!one.body().equals(other.body())) {
            throw new IllegalStateException("not the same standings: " + what);
        }
    }

    private static void row(String read, double millis, double live) {
        System.out.printf(Locale.ROOT, "%-66s %10.1f %10.1f%n", read, millis, millis / live);
    }

    /** Writes the festival's events into a fresh embedded store in {@code data}; returns the head position. */
    long seed(Path data, int entries) throws Exception {
        Random random = new Random(7);
        List<Criterion> criteria = List.of(criterion("artistic-impact", "0.4"), criterion("thematic-expression", "0.3"),
                criterion("innovative-ai-use", "0.3"));
        add(COMPETITION, "Competition", 0, new CompetitionAnnounced(COMPETITION, "Time travel", "2026", criteria,
                new SubmissionRules(Instant.parse("2030-01-01T00:00:00Z"), 30),
                List.of(new AwardCategory("best-film", "Best film", false))));
        addJudging(new JudgingEstablished(COMPETITION, criteria, List.of()));
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= entries; n++) {
            String id = String.format("tt-%05d", n);
            ids.add(id);
            add(id, "Submission", 0, new SubmissionReceived(id, COMPETITION, new Entry("Film " + n, List.of("Team " + n),
                    "CN", 10, "About film " + n, new AiDisclosure(List.of("Runway"), AiWorkflow.HYBRID)),
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n)));
        }
        for (int j = 1; j <= JURORS; j++) {
            addJudging(new JurorAppointed(COMPETITION, "juror-" + j, "Juror " + j, "hash-" + j));
        }
        for (int r = 1; r <= ROUNDS; r++) {
            String round = "round-" + r;
            addJudging(new RoundOpened(COMPETITION, round, "Round " + r, PER_ENTRY, AggregationMethod.MEAN, PER_ENTRY,
                    EntrySource.ALL_ELIGIBLE, ids, criteria));
            List<Assignment> assignments = new ArrayList<>();
            for (int n = 0; n < entries; n++) {
                for (int k = 0; k < PER_ENTRY; k++) {
                    assignments.add(new Assignment("juror-" + ((n * PER_ENTRY + k) % JURORS + 1), ids.get(n)));
                }
            }
            addJudging(new JurorsAssigned(COMPETITION, round, assignments, true));
            for (Assignment assignment : assignments) {
                Map<String, BigDecimal> marks = new LinkedHashMap<>();
                criteria.forEach(criterion -> marks.put(criterion.id(), BigDecimal.valueOf(random.nextInt(11))));
                addJudging(new ScoreRecorded(COMPETITION, round, assignment.jurorId(), assignment.submissionId(),
                        marks, ""));
            }
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            LedgerLog ledger = new LedgerLog(client.getDatabase("festival"), Clock.systemUTC());
            for (int i = 0; i < commits.size(); i += 2_000) {
                ledger.appendAll(commits.subList(i, Math.min(i + 2_000, commits.size())));
            }
            return ledger.head().position();
        }
    }

    private void addJudging(Object payload) throws Exception {
        add(JUDGING, "Judging", judgingSequence++, payload);
    }

    private void add(String aggregateId, String aggregateType, long sequence, Object payload) throws Exception {
        commits.add(List.of(new PendingEvent(aggregateId, aggregateType, sequence, UUID.randomUUID().toString(),
                payload.getClass().getName(), "1", PAYLOADS.writeValueAsString(payload),
                "{\"actor\":\"bench\",\"role\":\"ORGANISER\"}", Instant.now())));
    }

    private static Criterion criterion(String id, String weight) {
        return new Criterion(id, id, new BigDecimal(weight), BigDecimal.ZERO, BigDecimal.TEN);
    }

    /** A read's time and answer. */
    private record Read(double millis, String body) {
    }

    /** The app over HTTP, as an auditor. */
    private static final class Client {

        private final HttpClient http = AppUnderTest.HTTP;
        private final String base;

        Client(int port) {
            this.base = "http://localhost:" + port;
        }

        void awaitPosition(long position) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    HttpResponse<String> reply = get("/api/competitions?minPosition=" + position);
                    if (reply.statusCode() == 200 && reply.headers().firstValueAsLong("Projection-Position")
                            .orElse(0) >= position) {
                        return;
                    }
                } catch (Exception notYet) {
                    Thread.sleep(500);
                }
            }
            throw new IllegalStateException("the app did not catch up with position " + position);
        }

        /** The median time of {@code times} reads, in milliseconds. */
        double time(String path, int times) throws Exception {
            return median(path, times).millis();
        }

        /** The read of median time among {@code times}. */
        Read median(String path, int times) throws Exception {
            List<Read> reads = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                reads.add(read(path));
            }
            reads.sort(Comparator.comparingDouble(Read::millis));
            return reads.get(reads.size() / 2);
        }

        /** One read of anything, timed; refused unless it answers 200. */
        double ok(String path) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> reply = get(path);
            if (reply.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
            }
            return (System.nanoTime() - start) / 1e6;
        }

        /** One read, timed; refused unless it answers standings with rows. */
        Read read(String path) throws Exception {
            long start = System.nanoTime();
            HttpResponse<String> reply = get(path);
            double millis = (System.nanoTime() - start) / 1e6;
            JsonNode body = PAYLOADS.readTree(reply.body());
            if (reply.statusCode() != 200 || body.path("rows").size() == 0) {
                throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
            }
            return new Read(millis, reply.body());
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", AUDITOR).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
