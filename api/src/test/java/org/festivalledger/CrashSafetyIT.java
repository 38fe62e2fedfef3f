package org.festivalledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.ScoringLoad.Acknowledged;
import org.festivalledger.ScoringLoad.Sent;
import org.festivalledger.ledger.RealMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;

/**
 * The packaged application ({@code java -jar festival-ledger.jar}, as it ships) on its embedded store is killed
 * with SIGKILL while eight jurors score at once, at three points of the load, and started again on the same
 * data each time. After every restart: each score the server had acknowledged is on the ledger at the position
 * its answer named, with the marks that were sent; the chain verifies and positions run 1…head without a gap;
 * every request whose answer was lost, sent again with its Idempotency-Key, is answered and recorded exactly
 * once (the score events on the ledger are exactly the acknowledged ones); each juror's list shows the last
 * acknowledged marks and revision count; and every view equals a rebuild from zero.
 * <p>
 * Run by Failsafe in {@code verify}, after {@code package} has built the jar.
 */
class CrashSafetyIT {

    private static final String ROUND = "preliminary";
    private static final int ENTRIES = 60;
    private static final int JURORS = 8;
    /** Acknowledged scores (counted across runs) after which the application is killed. */
    private static final int[] KILL_AFTER = {50, 200, 400};

    @TempDir
    Path directory;

    @Test
    void acknowledgedScoresSurviveSigkillAndTheViewsEqualARebuild() throws Exception {
        RealMongo.assumeAvailableWhenRequired();
        Path jar = packagedJar();
        Path data = directory.resolve("data");
        ScoringLoad.Book book = new ScoringLoad.Book();
        String secrets = secretsDirectory();
        AppProcess app = AppProcess.startPackaged(jar, data, secrets);
        try {
            Judging judging = Judging.with(app.api(), "crash-safety", ENTRIES, JURORS);
            assertThat(judging.openRound(ROUND, 3, "MEAN", 2).status()).isEqualTo(201);
            assertThat(judging.autoAssign(ROUND).status()).isEqualTo(200);

            for (int killPoint : KILL_AFTER) {
                ScoringLoad load = ScoringLoad.start(app.api(), judging.on(app.api()), ROUND, book);
                book.awaitAtLeast(killPoint, Duration.ofSeconds(120));
                app.kill();
                int acknowledgedAtTheKill = book.size();
                List<Sent> inDoubt = load.stop();

                app = AppProcess.startPackaged(jar, data, secrets);
                Judging restarted = judging.on(app.api());
                List<String> retries = new ArrayList<>();
                for (Sent request : inDoubt) {
                    Reply retried = ScoringLoad.send(app.api(), restarted, ROUND, request);
                    // On a shared MongoDB (-Pmongodb) a dead process's claim on its key holds for 30 s (README,
                    // Idempotency-Key): the retry is answered 409 until then, as documented, and is sent again.
                    long claimExpires = System.nanoTime() + Duration.ofSeconds(45).toNanos();
                    while (RealMongo.uri().isPresent() && retried.status() == 409 && System.nanoTime() < claimExpires) {
                        Thread.sleep(1_000);
                        retried = ScoringLoad.send(app.api(), restarted, ROUND, request);
                    }
                    book.answered(request, retried);
                    retries.add(retried.status() + (retried.body().contains("alreadyRecorded") ? " from the ledger"
                            : "true".equals(retried.header("Idempotent-Replayed")) ? " replayed" : ""));
                }
                // What each kill exercised, for the build log: how many answers were lost, and how their retries went.
                System.out.printf("Killed after %d acknowledged scores; %d requests in doubt, retried: %s%n",
                        acknowledgedAtTheKill, inDoubt.size(), retries);
                assertThat(book.unexpected()).as("answers other than 2xx; see " + app.log()).isEmpty();
                checkTheLedgerAndTheViews(app.api(), restarted, book, killPoint);
            }
        } finally {
            app.close();
        }
    }

    private static void checkTheLedgerAndTheViews(Api api, Judging judging, ScoringLoad.Book book, int killPoint) {
        String at = "after the kill at " + killPoint + " acknowledged scores";
        long head = api.get("/api/audit/head").send().json().get("position").asLong();

        JsonNode verification = api.get("/api/audit/verification").as(AUDITOR).send().json();
        assertThat(verification.get("problems")).as(at).isEmpty();
        assertThat(verification.get("ok").asBoolean()).as(at).isTrue();
        assertThat(verification.get("checked").asLong()).as(at).isEqualTo(head);

        Map<Long, JsonNode> log = wholeTrail(api);
        assertThat(log.keySet()).as("positions 1…head, no gap, " + at)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, head).boxed().toList());

        Map<Long, Acknowledged> acknowledged = book.acknowledged();
        for (Acknowledged ack : acknowledged.values()) {
            JsonNode event = log.get(ack.position());
            assertThat(event).as("acknowledged score at %d is on the ledger %s", ack.position(), at).isNotNull();
            Sent sent = ack.request();
            assertThat(event.get("type").asText()).as(at)
                    .isEqualTo(sent.revision() ? "ScoreRevised" : "ScoreRecorded");
            JsonNode payload = event.get("payload");
            assertThat(payload.get("jurorId").asText()).isEqualTo(sent.juror());
            assertThat(payload.get("submissionId").asText()).isEqualTo(sent.entry());
            sent.marks().forEach((criterion, mark) -> assertThat(payload.get("marks").get(criterion).decimalValue())
                    .as("mark %s of the score at %d", criterion, ack.position()).isEqualByComparingTo(mark));
        }
        Set<Long> scoresOnTheLedger = log.entrySet().stream()
                .filter(event -> event.getValue().get("type").asText().startsWith("Score"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        assertThat(scoresOnTheLedger).as("every score recorded was acknowledged once, " + at)
                .isEqualTo(new TreeSet<>(acknowledged.keySet()));

        checkTheJurorsLists(judging, acknowledged, at);

        Reply rebuild = api.post("/api/audit/rebuild-check").as(AUDITOR).send();
        assertThat(rebuild.status()).as(rebuild.toString()).isEqualTo(200);
        assertThat(rebuild.json().get("ok").asBoolean()).as("views equal a rebuild %s: %s", at, rebuild.body()).isTrue();
        assertThat(rebuild.json().get("position").asLong()).isEqualTo(head);
    }

    /** Each juror's own list: every entry they scored shows the marks of their last acknowledged score. */
    private static void checkTheJurorsLists(Judging judging, Map<Long, Acknowledged> acknowledged, String at) {
        Map<String, List<Acknowledged>> byCard = new HashMap<>();
        acknowledged.values().stream().sorted(Comparator.comparingLong(Acknowledged::position)).forEach(ack ->
                byCard.computeIfAbsent(ack.request().juror() + "|" + ack.request().entry(), key -> new ArrayList<>())
                        .add(ack));
        for (String juror : judging.jurorTokens.keySet()) {
            for (JsonNode entry : judging.mine(ROUND, juror)) {
                List<Acknowledged> scores = byCard.getOrDefault(juror + "|" + entry.get("submissionId").asText(),
                        List.of());
                String card = juror + " on " + entry.get("submissionId").asText() + " " + at;
                assertThat(entry.get("scored").asBoolean()).as(card).isEqualTo(!scores.isEmpty());
                if (!scores.isEmpty()) {
                    assertThat(entry.get("revisions").asInt()).as(card).isEqualTo(scores.size() - 1);
                    Map<String, BigDecimal> last = scores.get(scores.size() - 1).request().marks();
                    last.forEach((criterion, mark) -> assertThat(entry.get("myMarks").get(criterion).decimalValue())
                            .as(card).isEqualByComparingTo(mark));
                }
            }
        }
    }

    /** The audit trail from position 1 to the head, page by page, by position. */
    private static Map<Long, JsonNode> wholeTrail(Api api) {
        Map<Long, JsonNode> events = new TreeMap<>();
        Long from = 1L;
        while (from != null) {
            JsonNode page = api.get("/api/audit/events?limit=1000&from=" + from).as(AUDITOR).send().json();
            page.get("events").forEach(event -> events.put(event.get("position").asLong(), event));
            JsonNode next = page.path("next");
            from = next.isNumber() ? next.asLong() : null;
        }
        return events;
    }

    /**
     * The packaged jar has no passwords of its own: give it the tests' ones the way a deployment would, as files
     * in a secrets directory (README, "Accounts for real use").
     */
    private String secretsDirectory() throws java.io.IOException {
        Path secrets = java.nio.file.Files.createDirectories(directory.resolve("secrets"));
        java.nio.file.Files.writeString(secrets.resolve("LEDGER_ORGANISER_PASSWORD"), "organiser-demo\n");
        java.nio.file.Files.writeString(secrets.resolve("LEDGER_AUDITOR_PASSWORD"), "auditor-demo\n");
        return "--spring.config.import=configtree:" + secrets + "/";
    }

    private static Path packagedJar() {
        Path jar = Path.of(System.getProperty("festival-ledger.jar", "target/festival-ledger.jar"));
        assertThat(jar).as("the packaged application (mvn package builds it before verify)").exists();
        return jar;
    }
}
