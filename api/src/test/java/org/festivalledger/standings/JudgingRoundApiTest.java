package org.festivalledger.standings;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.http.ProjectionProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/** A whole judging round through HTTP: appoint, assign, score, revise, close, read, rebuild, read again. */
class JudgingRoundApiTest extends LedgerTestApplication {

    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    ProjectionProgress progress;

    @Test
    void aWholeRoundFromAppointmentToStandingsSurvivesARebuildFromZero() {
        Judging judging = Judging.with(api, "round-" + UUID.randomUUID().toString().substring(0, 6), 40, 6);
        assertThat(judging.openRound("preliminary", 3, "MEAN", 3).status()).isEqualTo(201);
        Reply assigned = judging.autoAssign("preliminary");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);

        // Every entry has three jurors, loads are balanced (40 × 3 / 6 = 20 each).
        Reply all = api.get(judging.path("preliminary") + "/assignments?minPosition=" + assigned.ledgerPosition())
                .as(AUDITOR).send();
        Map<String, Integer> loads = new HashMap<>();
        for (JsonNode entry : all.json()) {
            assertThat(entry.get("jurors")).hasSize(3);
            entry.get("jurors").forEach(juror -> loads.merge(juror.asText(), 1, Integer::sum));
        }
        assertThat(all.json()).hasSize(40);
        assertThat(loads.values()).containsOnly(20);

        // Each juror scores their entries: the marks depend on the entry so the standings have an order.
        long last = 0;
        for (String juror : judging.jurorTokens.keySet()) {
            for (JsonNode entry : judging.mine("preliminary", juror)) {
                String id = entry.get("submissionId").asText();
                int n = Integer.parseInt(id.substring(id.length() - 2));
                Reply scored = judging.score("preliminary", juror, id, n % 10, (n * 3) % 10, 5, null);
                assertThat(scored.status()).as(scored.toString()).isEqualTo(201);
                last = Math.max(last, scored.ledgerPosition());
            }
        }
        String revisedEntry = judging.mine("preliminary", "juror-1").get(0).get("submissionId").asText();
        Reply withoutReason = judging.score("preliminary", "juror-1", revisedEntry, 10, 10, 10, null);
        assertThat(withoutReason.status()).isEqualTo(400);
        Reply revised = judging.score("preliminary", "juror-1", revisedEntry, 10, 10, 10, "rewatched on a big screen");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        JsonNode mine = judging.mine("preliminary", "juror-1");
        assertThat(mine.findValues("revisions").stream().mapToInt(JsonNode::asInt).sum()).isEqualTo(1);

        Reply closed = api.post(judging.path("preliminary") + "/close").as(ORGANISER).send();
        assertThat(closed.status()).isEqualTo(200);
        Reply late = judging.score("preliminary", "juror-2",
                judging.mine("preliminary", "juror-2").get(0).get("submissionId").asText(), 1, 1, 1, "late");
        assertThat(late.status()).isEqualTo(409);

        JsonNode before = standings(judging, closed.ledgerPosition());
        assertThat(before.get("rows")).hasSize(40);
        assertThat(before.get("completeEntries").asInt()).isEqualTo(40);
        assertThat(before.get("open").asBoolean()).isFalse();
        JsonNode top = before.get("rows").get(0);
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("scoresCount").asInt()).isEqualTo(3);
        assertThat(top.get("perCriterion").has("artistic-impact")).isTrue();
        assertRanksDescend(before.get("rows"));
        JsonNode podium = api.get(judging.path("preliminary") + "/standings?top=3").as(ORGANISER).send().json();
        assertThat(podium.get("rows")).isEqualTo(json(before.get("rows"), 3));
        assertThat(podium.get("entries").asInt()).isEqualTo(40);

        rebuild(List.of("judging", "submissions", "competitions"));
        JsonNode after = standings(judging, closed.ledgerPosition());
        assertThat(after.get("rows")).isEqualTo(before.get("rows"));
    }

    @Test
    void aJurorNeverSeesAnEntryTheyAreConflictedOnAndALateConflictVoidsTheirScore() {
        Judging judging = Judging.with(api, "conflict-" + UUID.randomUUID().toString().substring(0, 6), 6, 3);
        judging.openRound("preliminary", 3, "MEAN", 3);
        judging.autoAssign("preliminary");
        String entry = judging.entries.get(0);
        Reply scored = judging.score("preliminary", "juror-1", entry, 9, 9, 9, null);
        assertThat(scored.status()).as(scored.toString()).isEqualTo(201);

        // The juror declares a conflict after scoring: the score stops counting and the entry leaves their list.
        Reply declared = judging.asJuror(api.post("/api/competitions/" + judging.competition
                + "/jurors/juror-1/conflicts"), "juror-1")
                .json(Map.of("submissionId", entry, "reason", "my cousin edited it")).send();
        assertThat(declared.status()).as(declared.toString()).isEqualTo(201);

        Set<String> listed = new HashSet<>();
        judging.mine("preliminary", "juror-1").forEach(e -> listed.add(e.get("submissionId").asText()));
        assertThat(listed).doesNotContain(entry).hasSize(5);
        JsonNode row = rowOf(standings(judging, declared.ledgerPosition()), entry);
        assertThat(row.get("scoresCount").asInt()).isZero();
        assertThat(judging.score("preliminary", "juror-1", entry, 1, 1, 1, "again").status()).isEqualTo(422);

        // A juror may declare only their own conflicts.
        Reply forOther = judging.asJuror(api.post("/api/competitions/" + judging.competition
                + "/jurors/juror-2/conflicts"), "juror-1")
                .json(Map.of("submissionId", entry, "reason", "x")).send();
        assertThat(forOther.status()).isEqualTo(403);
    }

    @Test
    void aWithdrawnEntryDropsOutOfTheOpenRound() {
        Judging judging = Judging.with(api, "drop-" + UUID.randomUUID().toString().substring(0, 6), 3, 1);
        judging.openRound("preliminary", 1, "MEAN", 1);
        judging.autoAssign("preliminary");
        String leaving = judging.entries.get(1);

        Reply withdrawn = api.post("/api/competitions/" + judging.competition + "/submissions/" + leaving
                + "/withdrawal").as(ORGANISER).json(Map.of("reason", "sold to a broadcaster")).send();
        assertThat(withdrawn.status()).isEqualTo(200);

        // The drop is recorded a moment after the withdrawal, by the policy that follows the log.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonNode rows;
        do {
            rows = standings(judging, withdrawn.ledgerPosition()).get("rows");
        } while (rows.size() != 2 && System.nanoTime() < deadline);
        assertThat(rows.findValuesAsText("submissionId")).doesNotContain(leaving).hasSize(2);
        assertThat(judging.mine("preliminary", "juror-1").findValuesAsText("submissionId")).doesNotContain(leaving);
        assertThat(judging.score("preliminary", "juror-1", leaving, 5, 5, 5, null).status()).isEqualTo(404);
    }

    @Test
    void aScoreThatNamesNoEntryIsAProblemAnswerAndRecordsNothing() {
        Judging judging = Judging.with(api, "noentry-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        judging.openRound("preliminary", 1, "MEAN", 1);
        judging.autoAssign("preliminary");
        long before = ledger.head().position();

        Reply refused = judging.asJuror(api.post(judging.path("preliminary") + "/scores"), "juror-1")
                .json(Map.of("marks", Map.of("artistic-impact", 7, "thematic-expression", 7, "innovative-ai-use", 7)))
                .send();

        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(ledger.readFrom(before + 1).filter(event -> event.payload().contains(judging.competition)))
                .as("nothing recorded for the competition since").isEmpty();
    }

    @Test
    void standingsAsOfAPastPositionDifferExactlyByTheLaterRevision() {
        Judging judging = Judging.with(api, "travel-" + UUID.randomUUID().toString().substring(0, 6), 3, 1);
        judging.openRound("final", 1, "MEAN", 1);
        judging.autoAssign("final");
        Reply first = judging.score("final", "juror-1", judging.entries.get(0), 6, 6, 6, null);
        Reply revised = judging.score("final", "juror-1", judging.entries.get(0), 8, 8, 8, "second look");
        assertThat(revised.status()).isEqualTo(201);

        JsonNode then = api.get(judging.path("final") + "/standings?position=" + first.ledgerPosition())
                .as(AUDITOR).send().json();
        JsonNode now = standings(judging, revised.ledgerPosition());
        assertThat(rowOf(then, judging.entries.get(0)).get("score").decimalValue()).isEqualByComparingTo("6");
        assertThat(rowOf(now, judging.entries.get(0)).get("score").decimalValue()).isEqualByComparingTo("8");
        assertThat(then.get("ledgerPosition").asLong()).isEqualTo(first.ledgerPosition());
    }

    private JsonNode standings(Judging judging, long position) {
        Reply reply = api.get(judging.path(roundOf(judging)) + "/standings?minPosition=" + position).as(ORGANISER)
                .send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static String roundOf(Judging judging) {
        return judging.competition.startsWith("travel") ? "final" : "preliminary";
    }

    private static JsonNode rowOf(JsonNode standings, String entry) {
        for (JsonNode row : standings.get("rows")) {
            if (row.get("submissionId").asText().equals(entry)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + entry);
    }

    private static JsonNode json(JsonNode rows, int first) {
        com.fasterxml.jackson.databind.node.ArrayNode array = new com.fasterxml.jackson.databind.ObjectMapper()
                .createArrayNode();
        for (int i = 0; i < first; i++) {
            array.add(rows.get(i));
        }
        return array;
    }

    private static void assertRanksDescend(JsonNode rows) {
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).get("rank").asInt()).isEqualTo(i + 1);
            assertThat(rows.get(i).get("score").decimalValue())
                    .isLessThanOrEqualTo(rows.get(i - 1).get("score").decimalValue());
        }
    }

    /** Rebuilds read models from zero: stop, reset tokens (which clears the views), start, catch up. */
    private void rebuild(List<String> processors) {
        for (String name : processors) {
            TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        assertThat(progress.awaitPosition(ledger.head().position(), Duration.ofSeconds(60))).isTrue();
    }
}
