package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * The auditor's toolkit through HTTP: the trail of every event with who, why and what; an entity's history with
 * what a revision changed; standings as they were either side of a revision; juror calibration and shortlist
 * sensitivity; and the rebuild of every projection from zero compared with the live ones.
 */
class AuditToolkitApiTest extends LedgerTestApplication {

    /** Four films, three jurors, every film scored by all three; juror-1 then revises one score. */
    private record Scene(Judging judging, String entry, long beforeRevision, long revision) {
    }

    private Scene revisedScene() {
        Judging judging = Judging.with(api, "audit-" + UUID.randomUUID().toString().substring(0, 6), 4, 3);
        assertThat(judging.openRound("preliminary", 3, "MEAN", 3).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        long last = 0;
        for (String juror : List.of("juror-1", "juror-2", "juror-3")) {
            for (JsonNode entry : judging.mine("preliminary", juror)) {
                String id = entry.get("submissionId").asText();
                int n = Integer.parseInt(id.substring(id.length() - 2));
                Reply scored = judging.score("preliminary", juror, id, n + 4, n + 3, n + 2, null);
                assertThat(scored.status()).as(scored.toString()).isEqualTo(201);
                last = scored.ledgerPosition();
            }
        }
        String entry = judging.entries.get(0);
        Reply revised = judging.score("preliminary", "juror-1", entry, 10, 9, 2, "rewatched on a big screen");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        return new Scene(judging, entry, last, revised.ledgerPosition());
    }

    @Test
    void theTrailListsEveryEventOfAnEntityWithWhoWhyAndAPlainDescription() {
        Scene scene = revisedScene();
        Reply reply = api.get("/api/audit/events?entity=" + scene.entry()).as(AUDITOR).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        List<String> types = values(reply.json().get("events"), "type");
        assertThat(types).containsExactly("SubmissionReceived", "RoundOpened", "JurorsAssigned", "ScoreRecorded",
                "ScoreRecorded", "ScoreRecorded", "ScoreRevised");
        JsonNode revision = last(reply.json().get("events"));
        assertThat(revision.get("actor").asText()).isEqualTo("juror-1");
        assertThat(revision.get("role").asText()).isEqualTo("JUROR");
        assertThat(revision.get("reason").asText()).isEqualTo("rewatched on a big screen");
        assertThat(revision.get("correlationId").asText()).isNotBlank();
        assertThat(revision.get("description").asText()).contains("juror-1 revised their score of entry "
                + scene.entry()).contains("revision 1");
        assertThat(revision.get("hash").asText()).hasSize(64);
        assertThat(revision.get("position").asLong()).isEqualTo(scene.revision());

        List<String> byJuror = values(api.get("/api/audit/events?limit=1000&actor=juror-2&type=ScoreRecorded&from="
                + (scene.beforeRevision() - 20)).as(AUDITOR).send().json().get("events"), "actor");
        assertThat(byJuror).isNotEmpty().containsOnly("juror-2");
        JsonNode paged = api.get("/api/audit/events?limit=2&entity=" + scene.entry()).as(AUDITOR).send().json();
        assertThat(paged.get("events")).hasSize(2);
        assertThat(paged.get("next").asLong()).isGreaterThan(paged.get("events").get(1).get("position").asLong());
        String until = revision.get("timestamp").asText();
        assertThat(values(api.get("/api/audit/events?entity=" + scene.entry() + "&until=" + until).as(AUDITOR)
                .send().json().get("events"), "type")).doesNotContain("ScoreRevised");

        assertThat(api.get("/api/audit/events?limit=0").as(AUDITOR).send().status()).isEqualTo(400);
        assertThat(api.get("/api/audit/events?since=yesterday").as(AUDITOR).send().status()).isEqualTo(400);
        assertThat(api.get("/api/audit/events").as(ORGANISER).send().status()).isEqualTo(403);
    }

    @Test
    void anEntitysHistoryShowsWhatARevisionChanged() {
        Scene scene = revisedScene();
        String judgingId = scene.judging().competition + "/judging";
        Reply reply = api.get("/api/audit/entities/" + judgingId + "/history").as(AUDITOR).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode revision = last(reply.json().get("history"));
        assertThat(revision.get("type").asText()).isEqualTo("ScoreRevised");
        // juror-1 first gave entry 01 the marks 5, 4, 3; the revision made them 10, 9, 2.
        JsonNode marks = revision.get("changes").get("marks");
        assertThat(marks).hasSize(3);
        assertThat(marks.get(0).get("criterion").asText()).isEqualTo("artistic-impact");
        assertThat(marks.get(0).get("from").decimalValue()).isEqualByComparingTo("5");
        assertThat(marks.get(0).get("to").decimalValue()).isEqualByComparingTo("10");
        assertThat(marks.get(2).get("from").decimalValue()).isEqualByComparingTo("3");
        assertThat(marks.get(2).get("to").decimalValue()).isEqualByComparingTo("2");
        assertThat(reply.json().get("history").get(0).get("type").asText()).isEqualTo("JudgingEstablished");

        JsonNode entryHistory = api.get("/api/audit/entities/" + scene.entry() + "/history").as(AUDITOR).send()
                .json();
        assertThat(last(entryHistory.get("history")).get("changes").get("marks")).hasSize(3);
        assertThat(api.get("/api/audit/entities/no-such-entity/history").as(AUDITOR).send().status())
                .isEqualTo(404);
    }

    @Test
    void standingsEitherSideOfARevisionDifferExactlyByThatRevision() {
        Scene scene = revisedScene();
        String standings = scene.judging().path("preliminary") + "/standings?position=";
        JsonNode before = api.get(standings + (scene.revision() - 1)).as(AUDITOR).send().json();
        JsonNode after = api.get(standings + scene.revision()).as(AUDITOR).send().json();
        Map<String, JsonNode> then = rowsById(before);
        Map<String, JsonNode> now = rowsById(after);
        assertThat(now.keySet()).isEqualTo(then.keySet());
        for (String entry : now.keySet()) {
            BigDecimal was = then.get(entry).get("score").decimalValue();
            BigDecimal is = now.get(entry).get("score").decimalValue();
            if (entry.equals(scene.entry())) {
                // juror-1's weighted score went from (0.4·5 + 0.3·4 + 0.3·3) = 4.1 to (0.4·10 + 0.3·9 + 0.3·2) = 7.3:
                // the entry's mean of three rises by 3.2 / 3.
                assertThat(is.subtract(was)).isEqualByComparingTo(new BigDecimal("1.0667"));
            } else {
                assertThat(is).as(entry).isEqualByComparingTo(was);
            }
        }
        // By instant too: asOf the moment the ledger recorded the revision counts it, a moment before does not.
        JsonNode revision = last(api.get("/api/audit/events?type=ScoreRevised&entity=" + scene.entry())
                .as(AUDITOR).send().json().get("events"));
        Instant at = Instant.parse(revision.get("recordedAt").asText());
        JsonNode asOf = api.get(scene.judging().path("preliminary") + "/standings?asOf=" + at).as(AUDITOR).send()
                .json();
        assertThat(rowsById(asOf).get(scene.entry()).get("score").decimalValue())
                .isEqualByComparingTo(now.get(scene.entry()).get("score").decimalValue());
        JsonNode justBefore = api.get(scene.judging().path("preliminary") + "/standings?asOf=" + at.minusNanos(1000))
                .as(AUDITOR).send().json();
        assertThat(rowsById(justBefore).get(scene.entry()).get("score").decimalValue())
                .isEqualByComparingTo(then.get(scene.entry()).get("score").decimalValue());
    }

    @Test
    void calibrationComparesEachJurorWithThePanelAndCountsLateRevisions() {
        Scene scene = revisedScene();
        Reply reply = api.get("/api/audit/competitions/" + scene.judging().competition
                + "/rounds/preliminary/calibration?size=2").as(AUDITOR).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode jurors = reply.json().get("jurors");
        assertThat(jurors).hasSize(3);
        JsonNode first = jurors.get(0);
        assertThat(first.get("jurorId").asText()).isEqualTo("juror-1");
        assertThat(first.get("scores").asInt()).isEqualTo(4);
        assertThat(first.get("revisions").asInt()).isEqualTo(1);
        // juror-2 and juror-3 had scored entry 01 before juror-1 revised it.
        assertThat(first.get("revisionsAfterOthersScored").asInt()).isEqualTo(1);
        // Everyone gave films 02–04 the same marks; juror-1 is 3.2 / 4 = 0.8 above the panel on average.
        assertThat(first.get("offsetFromPanel").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(jurors.get(1).get("revisions").asInt()).isZero();
        assertThat(jurors.get(1).get("offsetFromPanel").decimalValue()).isEqualByComparingTo("-0.4");
        JsonNode sensitivity = reply.json().get("sensitivity");
        assertThat(sensitivity).hasSize(3);
        // The top two are films 04 and 03 with every juror; juror-1's revision of film 01 (now 5.1667) does not
        // reach them, so leaving any juror out changes nothing.
        assertThat(sensitivity.findValues("shortlistChanges").stream().map(JsonNode::asBoolean)).containsOnly(false);
        assertThat(api.get("/api/audit/competitions/" + scene.judging().competition
                + "/rounds/no-such-round/calibration").as(AUDITOR).send().status()).isEqualTo(404);
    }

    /**
     * Two films tied on every key of the tie-break but their receipt: "z" was received before "a", so the live
     * standings rank it first although its id sorts last. Juror 1 preferred z, juror 2 preferred a; without juror 1
     * a comes first, without juror 2 z stays first. A sensitivity analysis that ranked without the entries'
     * receipt times would put a first with every juror and get both answers the wrong way round.
     */
    @Test
    void sensitivityRanksWithTheReceiptTimeTieBreakOfTheLiveStandings() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String z = "z-" + suffix;
        String a = "a-" + suffix;
        Judging judging = Judging.withEntriesInOrder(api, "tie-" + suffix, List.of(z, a), 2);
        assertThat(judging.openRound("preliminary", 2, "MEAN", 2).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        assertThat(judging.score("preliminary", "juror-1", z, 8, 8, 8, null).status()).isEqualTo(201);
        assertThat(judging.score("preliminary", "juror-1", a, 6, 6, 6, null).status()).isEqualTo(201);
        assertThat(judging.score("preliminary", "juror-2", z, 6, 6, 6, null).status()).isEqualTo(201);
        long last = judging.score("preliminary", "juror-2", a, 8, 8, 8, null).ledgerPosition();

        Reply standings = api.get(judging.path("preliminary") + "/standings?minPosition=" + last).as(ORGANISER)
                .send();
        assertThat(standings.json().get("rows").findValues("submissionId").stream().map(JsonNode::asText))
                .as("the live standings decide the tie by receipt").containsExactly(z, a);

        Reply reply = api.get("/api/audit/competitions/" + judging.competition
                + "/rounds/preliminary/calibration?size=1").as(AUDITOR).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        Map<String, JsonNode> byJuror = new java.util.HashMap<>();
        reply.json().get("sensitivity").forEach(row -> byJuror.put(row.get("jurorId").asText(), row));
        assertThat(byJuror.get("juror-1").get("shortlistChanges").asBoolean()).isTrue();
        assertThat(byJuror.get("juror-1").get("wouldEnter").get(0).asText()).isEqualTo(a);
        assertThat(byJuror.get("juror-1").get("wouldLeave").get(0).asText()).isEqualTo(z);
        assertThat(byJuror.get("juror-2").get("shortlistChanges").asBoolean()).isFalse();
    }

    @Test
    void rebuildingEveryProjectionFromZeroGivesTheLiveDigests() {
        revisedScene();
        Reply reply = api.post("/api/audit/rebuild-check").as(ORGANISER).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.get("views").findValues("view").stream().map(JsonNode::asText))
                .contains("competitions", "submissions", "judging", "programme", "audit-trail");
        assertThat(report.get("views").findValues("same").stream().map(JsonNode::asBoolean)).containsOnly(true);
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("position").asLong()).isPositive();
    }

    private static Map<String, JsonNode> rowsById(JsonNode standings) {
        Map<String, JsonNode> rows = new java.util.TreeMap<>();
        standings.get("rows").forEach(row -> rows.put(row.get("submissionId").asText(), row));
        return rows;
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.get(field).asText()));
        return values;
    }
}
