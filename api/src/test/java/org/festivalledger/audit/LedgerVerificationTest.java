package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.ledger.ChainHash;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * The auditor's toolkit end to end: a competition judged, shortlisted and awarded through HTTP; the live ledger
 * verifies online, its export verifies offline with the real command line; and every way of tampering with the
 * export is named at the first position it breaks, with a non-zero exit status.
 */
class LedgerVerificationTest extends LedgerTestApplication {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path directory;

    /** A competition with a shortlist and an award on the ledger; the positions of both decisions. */
    private record Decided(Judging judging, long shortlist, long award) {
    }

    private Decided decided() {
        Judging judging = Judging.judgedAndClosed(api, "audit", new int[]{3, 8, 5, 9, 6, 7});
        Reply drawn = api.post(judging.path("preliminary") + "/shortlist").as(ORGANISER)
                .json(Map.of("size", 3, "rationale", "The three strongest films")).send();
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        Reply award = api.post("/api/competitions/" + judging.competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "best-film", "submissionId", judging.entries.get(3),
                        "citation", "For a kite that flies on generated wind")).send();
        assertThat(award.status()).as(award.toString()).isEqualTo(201);
        return new Decided(judging, drawn.ledgerPosition(), award.ledgerPosition());
    }

    private List<StoredEvent> export() {
        Reply export = api.get("/api/audit/export").as(AUDITOR).send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("application/x-ndjson");
        return export.body().lines().map(LedgerLines::read).toList();
    }

    private Path file(String name, List<StoredEvent> events) throws IOException {
        Path file = directory.resolve(name);
        try (var out = Files.newOutputStream(file); var json = LedgerLines.generator(out)) {
            for (StoredEvent event : events) {
                LedgerLines.write(event, json);
            }
        }
        return file;
    }

    private static StoredEvent at(List<StoredEvent> events, long position) {
        StoredEvent event = events.get((int) position - 1);
        assertThat(event.position()).isEqualTo(position);
        return event;
    }

    /** The offline verifier as {@code main} runs it, with its output. */
    private record Run(int status, String output) {
    }

    private static Run verifyOffline(Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = OfflineVerification.run(List.of(file.toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8));
    }

    /** A shortlist of four that cuts through a tie of three, decided by overrides as an organiser would. */
    private void tieDecidedByOverrides() {
        Judging tied = Judging.judgedAndClosed(api, "audit-tie", new int[]{1, 2, 5, 5, 5, 8, 9, 10});
        JsonNode rows = api.get(tied.path("preliminary") + "/standings").as(AUDITOR).send().json().get("rows");
        Reply drawn = api.post(tied.path("preliminary") + "/shortlist").as(ORGANISER).json(Map.of("size", 4,
                "rationale", "Four to the final, the tie decided", "overrides", List.of(
                        Map.of("submissionId", rows.get(4).get("submissionId").asText(), "action", "INCLUDE",
                                "reason", "strongest on AI use"),
                        Map.of("submissionId", rows.get(5).get("submissionId").asText(), "action", "EXCLUDE",
                                "reason", "weaker ending")))).send();
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
    }

    @Test
    void theLiveLedgerVerifiesOnlineAndItsExportOfflineThroughTheRealCommandLine() throws Exception {
        Decided decided = decided();
        tieDecidedByOverrides();

        JsonNode online = api.get("/api/audit/verification").as(AUDITOR).send().json();
        long head = api.get("/api/audit/head").send().json().get("position").asLong();
        assertThat(online.get("problems")).isEmpty();
        assertThat(online.get("ok").asBoolean()).isTrue();
        assertThat(online.get("checked").asLong()).isEqualTo(head);
        assertThat(online.get("shortlists").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(online.get("awards").asInt()).isGreaterThanOrEqualTo(1);

        List<StoredEvent> events = export();
        assertThat(events).hasSize((int) head);
        assertThat(at(events, decided.shortlist()).payloadType()).isEqualTo("org.festivalledger.shortlist.ShortlistDrawn");
        assertThat(events.get(events.size() - 1).hash()).isEqualTo(online.get("headHash").asText());
        Path export = file("ledger.jsonl", events);

        // The packaged jar runs the same main: `java -jar festival-ledger.jar verify ledger.jsonl`.
        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.festivalledger.FestivalLedgerApplication",
                "verify", export.toString()).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(output).isZero();
        assertThat(output).contains("OK: " + String.format(java.util.Locale.ROOT, "%,d", head) + " events")
                .contains("events/s").contains(online.get("headHash").asText())
                .doesNotContain("Starting FestivalLedgerApplication").doesNotContain("Tomcat");

        Run missing = verifyOffline(directory.resolve("no-such-file.jsonl"));
        assertThat(missing.status()).isEqualTo(2);
        assertThat(OfflineVerification.run(List.of(), System.out, new PrintStream(new ByteArrayOutputStream())))
                .isEqualTo(2);
    }

    @Test
    void everyTamperingIsNamedAtTheFirstPositionItBreaks() throws Exception {
        Decided decided = decided();
        List<StoredEvent> events = export();
        assertThat(verifyOffline(file("untouched.jsonl", events)).status()).isZero();
        long score = firstScoreOf(events, decided.judging().competition);

        // One mark changed in a score, nothing recomputed.
        List<StoredEvent> edited = replace(events, score, event -> withPayload(event,
                raise(event.payload(), "artistic-impact")));
        assertFirstProblem(file("edited.jsonl", edited), score, Kind.HASH);

        List<StoredEvent> deleted = new ArrayList<>(events);
        deleted.remove((int) score - 1);
        assertFirstProblem(file("deleted.jsonl", deleted), score, Kind.GAP);

        List<StoredEvent> swapped = new ArrayList<>(events);
        swapped.set((int) score - 1, events.get((int) score));
        swapped.set((int) score, events.get((int) score - 1));
        assertFirstProblem(file("swapped.jsonl", swapped), score, Kind.GAP);

        List<StoredEvent> rehashed = replace(events, decided.award(), event -> withHash(event,
                (event.hash().charAt(0) == '0' ? "1" : "0") + event.hash().substring(1)));
        assertFirstProblem(file("rehashed.jsonl", rehashed), decided.award(), Kind.HASH);
    }

    @Test
    void aForgedShortlistWithARecomputedChainFailsOnItsProvenance() throws Exception {
        Decided decided = decided();
        List<StoredEvent> events = export();
        StoredEvent drawn = at(events, decided.shortlist());

        // Swap the last film on the list for one the standings left out, in the list and in the ranking, then
        // recompute every hash from there on, as a forger who knows the formula would.
        ObjectNode payload = (ObjectNode) JSON.readTree(drawn.payload());
        List<String> listed = new ArrayList<>();
        payload.get("shortlist").forEach(entry -> listed.add(entry.asText()));
        String leftOut = decided.judging().entries.stream().filter(entry -> !listed.contains(entry)).findFirst()
                .orElseThrow();
        ((ArrayNode) payload.get("shortlist")).set(listed.size() - 1, leftOut);
        ((ObjectNode) payload.get("ranked").get(listed.size() - 1)).put("submissionId", leftOut);
        List<StoredEvent> forged = rechained(replace(events, decided.shortlist(),
                event -> withPayload(event, payload.toString())));

        Verification verification = LedgerVerifier.verify(file("forged.jsonl", forged));
        assertThat(verification.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.position()).isEqualTo(decided.shortlist());
            assertThat(problem.kind()).isEqualTo(Kind.SHORTLIST);
        });
        assertThat(verification.problems()).extracting(Problem::message)
                .anyMatch(message -> message.contains("does not follow from the standings at position "
                        + payload.get("basedOnPosition").asLong()));
        Run run = verifyOffline(directory.resolve("forged.jsonl"));
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.output()).contains("position " + String.format(java.util.Locale.ROOT, "%,d", decided.shortlist())
                + "  SHORTLIST");
    }

    private void assertFirstProblem(Path file, long position, Kind kind) throws IOException {
        Verification verification = LedgerVerifier.verify(file);
        assertThat(verification.ok()).isFalse();
        Problem first = verification.problems().get(0);
        assertThat(first.position()).as(verification.problems().toString()).isEqualTo(position);
        assertThat(first.kind()).as(verification.problems().toString()).isEqualTo(kind);
        Run run = verifyOffline(file);
        assertThat(run.status()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("FAILED").contains("first at position "
                + String.format(java.util.Locale.ROOT, "%,d", position));
    }

    private static long firstScoreOf(List<StoredEvent> events, String competition) {
        return events.stream().filter(event -> event.payloadType().endsWith(".ScoreRecorded")
                        && event.payload().contains("\"competitionId\":\"" + competition + "\""))
                .mapToLong(StoredEvent::position).findFirst().orElseThrow();
    }

    /** The payload with one criterion's mark raised by one, everything else byte for byte. */
    private static String raise(String payload, String criterion) {
        Matcher mark = Pattern.compile("\"" + criterion + "\":(\\d+(\\.\\d+)?)").matcher(payload);
        assertThat(mark.find()).as(payload).isTrue();
        String raised = new java.math.BigDecimal(mark.group(1)).add(java.math.BigDecimal.ONE).toPlainString();
        return payload.substring(0, mark.start(1)) + raised + payload.substring(mark.end(1));
    }

    private static List<StoredEvent> replace(List<StoredEvent> events, long position, UnaryOperator<StoredEvent> change) {
        List<StoredEvent> changed = new ArrayList<>(events);
        changed.set((int) position - 1, change.apply(events.get((int) position - 1)));
        return changed;
    }

    private static List<StoredEvent> rechained(List<StoredEvent> events) {
        List<StoredEvent> chained = new ArrayList<>();
        String previous = ChainHash.GENESIS;
        for (StoredEvent e : events) {
            StoredEvent linked = new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(),
                    e.eventId(), e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.timestamp(),
                    e.recordedAt(), previous, null);
            linked = withHash(linked, ChainHash.of(linked));
            chained.add(linked);
            previous = linked.hash();
        }
        return chained;
    }

    private static StoredEvent withPayload(StoredEvent e, String payload) {
        return new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(), e.eventId(),
                e.payloadType(), e.payloadRevision(), payload, e.metadata(), e.timestamp(), e.recordedAt(),
                e.previousHash(), e.hash());
    }

    private static StoredEvent withHash(StoredEvent e, String hash) {
        return new StoredEvent(e.position(), e.aggregateId(), e.aggregateType(), e.sequence(), e.eventId(),
                e.payloadType(), e.payloadRevision(), e.payload(), e.metadata(), e.timestamp(), e.recordedAt(),
                e.previousHash(), hash);
    }
}
