package org.festivalledger.bench;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
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
import java.net.ServerSocket;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Standings as of a past position at festival scale: a ledger of 10,000 entries and ~150,000 score events
 * (three rounds, five of 100 jurors per entry) is written straight into the embedded store — the same events
 * and serialisation the app records, far faster than through HTTP — and the packaged app then answers
 * {@code standings?position=} by replaying the judging stream. Reported beside the live standings read of the
 * same round in the same run.
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

    private final List<List<PendingEvent>> commits = new ArrayList<>();
    private long judgingSequence;

    public static void main(String[] args) throws Exception {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path jar = Path.of("api/target/festival-ledger.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("build first: mvn -B -q package -DskipTests (no " + jar + ")");
        }
        Path data = Files.createTempDirectory("timetravel-bench");
        long seeded = new TimeTravelBenchmark().seed(data, entries);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(List.of("java", "-Xmx2g", "-jar", jar.toString(), "--server.port=" + port,
                "--ledger.data-dir=" + data,
                // A benchmark measures capacity from one address, not the per-client rate limit.
                "--ledger.http.rate-limit.enabled=false"));
        // The jar has no default passwords; the benchmark's accounts are its own, given the way a deployment would.
        builder.environment().put("LEDGER_ORGANISER_PASSWORD", "organiser-demo");
        builder.environment().put("LEDGER_AUDITOR_PASSWORD", "auditor-demo");
        Process app = builder.redirectErrorStream(true)
                .redirectOutput(data.resolveSibling(data.getFileName() + ".log").toFile()).start();
        try {
            Client client = new Client(port);
            client.awaitPosition(seeded);
            System.out.printf("Time travel: %d entries, %d events on the ledger (%d cores, Java %s); the app "
                            + "started and its views caught up in %.1f s%n", entries, seeded,
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                    (System.nanoTime() - started) / 1e9);
            String last = "/api/competitions/" + COMPETITION + "/rounds/round-" + ROUNDS + "/standings";
            String first = "/api/competitions/" + COMPETITION + "/rounds/round-1/standings";
            client.time(last + "?top=100", 3); // warm-up
            // The first replay of a competition reads its judging stream from the store; later ones fold it in memory.
            double cold = client.time(last + "?position=" + seeded + "&top=100", 1);
            double live = client.time(last + "?top=100", 10);
            double atHead = client.time(last + "?position=" + seeded + "&top=100", 5);
            double atMiddle = client.time(first + "?position=" + (seeded / 2) + "&top=100", 5);
            System.out.printf("%-52s %10s %10s%n", "read (top 100 rows)", "median ms", "× live");
            System.out.printf("%-52s %10.1f %10s%n", "live standings, last round", live, "1.0");
            System.out.printf("%-52s %10.1f %10.1f%n", "first replay: the judging stream read from the store", cold,
                    cold / live);
            System.out.printf("%-52s %10.1f %10.1f%n", "as of the head (replays ~all judging events)", atHead,
                    atHead / live);
            System.out.printf("%-52s %10.1f %10.1f%n", "round 1 as of the middle of the log", atMiddle,
                    atMiddle / live);
        } finally {
            app.destroy();
            app.waitFor(30, TimeUnit.SECONDS);
            AppUnderTest.deleteTree(data);
            Files.deleteIfExists(data.resolveSibling(data.getFileName() + ".log"));
        }
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
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < times; i++) {
                long start = System.nanoTime();
                HttpResponse<String> reply = get(path);
                millis.add((System.nanoTime() - start) / 1e6);
                JsonNode body = PAYLOADS.readTree(reply.body());
                if (reply.statusCode() != 200 || body.path("rows").size() == 0) {
                    throw new IllegalStateException(path + " answered " + reply.statusCode() + ": " + reply.body());
                }
            }
            millis.sort(Double::compare);
            return millis.get(millis.size() / 2);
        }

        private HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                    .header("Authorization", AUDITOR).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
