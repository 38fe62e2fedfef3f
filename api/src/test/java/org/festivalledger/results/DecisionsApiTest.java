package org.festivalledger.results;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * Shortlists, awards and publication through HTTP: each decision rests on the standings at a recorded ledger
 * position, and the public sees nothing of them until the results are published — then never a juror or a mark.
 */
class DecisionsApiTest extends LedgerTestApplication {

    private Judging judgedAndClosed(int[] quality) {
        return Judging.judgedAndClosed(api, "decisions", quality);
    }

    private Reply shortlist(Judging judging, Object body) {
        return api.post(judging.path("preliminary") + "/shortlist").as(ORGANISER).json(body).send();
    }

    private long head() {
        return api.get("/api/audit/head").send().json().get("position").asLong();
    }

    @Test
    void aShortlistIsTheTopNOfTheStandingsReplayedToItsPosition() {
        Judging judging = judgedAndClosed(new int[]{1, 2, 3, 4, 5, 6, 7, 8});
        Reply drawn = shortlist(judging, Map.of("size", 3, "rationale", "The three strongest films"));
        assertThat(drawn.status()).as(drawn.toString()).isEqualTo(201);
        JsonNode decision = drawn.json();
        long basedOn = decision.get("basedOnPosition").asLong();
        assertThat(basedOn).isLessThan(drawn.ledgerPosition());
        assertThat(texts(decision.get("shortlist"))).containsExactly(
                judging.entries.get(7), judging.entries.get(6), judging.entries.get(5));

        // Provenance: the standings replayed to basedOnPosition give exactly the recorded ranking.
        JsonNode then = api.get(judging.path("preliminary") + "/standings?position=" + basedOn).as(AUDITOR).send()
                .json();
        for (int i = 0; i < 3; i++) {
            JsonNode ranked = decision.get("ranked").get(i);
            JsonNode row = then.get("rows").get(i);
            assertThat(ranked.get("submissionId").asText()).isEqualTo(row.get("submissionId").asText());
            assertThat(ranked.get("score").decimalValue()).isEqualByComparingTo(row.get("score").decimalValue());
        }
        assertThat(decision.get("cutOffScore").decimalValue())
                .isEqualByComparingTo(then.get("rows").get(2).get("score").decimalValue());

        Reply read = api.get(judging.path("preliminary") + "/shortlist?minPosition=" + drawn.ledgerPosition())
                .as(AUDITOR).send();
        assertThat(read.json().get("shortlist")).isEqualTo(decision.get("shortlist"));
        Reply again = shortlist(judging, Map.of("size", 2, "rationale", "a second thought"));
        assertThat(again.status()).isEqualTo(409);
    }

    @Test
    void aTieAcrossTheCutOffIsRefusedUntilTheOrganiserDecidesIt() {
        // Films 3, 4 and 5 share the score 5; a shortlist of four cuts through them.
        Judging judging = judgedAndClosed(new int[]{1, 2, 5, 5, 5, 8, 9, 10});
        long before = head();
        Reply tied = shortlist(judging, Map.of("size", 4, "rationale", "Four to the final"));
        assertThat(tied.status()).as(tied.toString()).isEqualTo(422);
        assertThat(tied.json().get("detail").asText()).contains("tie across the cut-off")
                .contains(judging.entries.get(2)).contains(judging.entries.get(3)).contains(judging.entries.get(4));
        assertThat(head()).as("a refusal records nothing").isEqualTo(before);

        // The tie-break put one of the three above the cut-off; the organiser decides on the two below it.
        JsonNode standings = api.get(judging.path("preliminary") + "/standings").as(AUDITOR).send().json();
        String above = standings.get("rows").get(3).get("submissionId").asText();
        List<String> below = List.of(standings.get("rows").get(4).get("submissionId").asText(),
                standings.get("rows").get(5).get("submissionId").asText());
        Reply decided = shortlist(judging, Map.of("size", 4, "rationale", "Four to the final, one tie decided",
                "overrides", List.of(
                        Map.of("submissionId", below.get(0), "action", "INCLUDE", "reason", "strongest on AI use"),
                        Map.of("submissionId", below.get(1), "action", "EXCLUDE", "reason", "weaker ending"))));
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        assertThat(texts(decided.json().get("shortlist"))).hasSize(5).contains(above, below.get(0))
                .doesNotContain(below.get(1));
        assertThat(decided.json().get("overrides")).hasSize(2);
    }

    @Test
    void badShortlistRequestsAreRefusedWithProblemsAndRecordNothing() {
        Judging judging = judgedAndClosed(new int[]{1, 2, 3, 4});
        long before = head();
        assertThat(shortlist(judging, Map.of("rationale", "no size")).status()).isEqualTo(400);
        assertThat(shortlist(judging, Map.of("size", 0, "rationale", "zero")).status()).isEqualTo(400);
        assertThat(shortlist(judging, Map.of("size", 9, "rationale", "too many")).status()).isEqualTo(422);
        assertThat(shortlist(judging, Map.of("size", 2)).json().get("errors").toString()).contains("rationale");
        Reply malformed = api.post(judging.path("preliminary") + "/shortlist").as(ORGANISER)
                .body("{\"size\": 2, ").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).contains("application/problem+json");
        Reply unknownRound = api.post(judging.path("no-such-round") + "/shortlist").as(ORGANISER)
                .json(Map.of("size", 2, "rationale", "r")).send();
        assertThat(unknownRound.status()).isEqualTo(404);
        Reply unknownCompetition = api.post("/api/competitions/no-such-competition/rounds/preliminary/shortlist")
                .as(ORGANISER).json(Map.of("size", 2, "rationale", "r")).send();
        assertThat(unknownCompetition.status()).isEqualTo(404);
        Reply asAuditor = api.post(judging.path("preliminary") + "/shortlist").as(AUDITOR)
                .json(Map.of("size", 2, "rationale", "r")).send();
        assertThat(asAuditor.status()).isEqualTo(403);
        Reply asJuror = judging.asJuror(api.post(judging.path("preliminary") + "/shortlist"), "juror-1")
                .json(Map.of("size", 2, "rationale", "r")).send();
        assertThat(asJuror.status()).isEqualTo(403);
        Reply badOverride = shortlist(judging, Map.of("size", 2, "rationale", "r", "overrides",
                List.of(Map.of("submissionId", judging.entries.get(0), "action", "MAYBE", "reason", "r"))));
        assertThat(badOverride.status()).isEqualTo(400);
        assertThat(head()).as("no refusal recorded anything").isEqualTo(before);
    }

    @Test
    void resultsStayUnderEmbargoUntilPublishedThenShowAwardsAndShortlistsButNoJurorOrMark() {
        Judging judging = judgedAndClosed(new int[]{1, 2, 3, 4, 5, 6});
        String results = "/api/public/competitions/" + judging.competition + "/results";
        assertThat(shortlist(judging, Map.of("size", 3, "rationale", "the top three")).status()).isEqualTo(201);
        Reply best = api.post("/api/competitions/" + judging.competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "best-film", "submissionId", judging.entries.get(5),
                        "citation", "A kite that flies in every frame")).send();
        assertThat(best.status()).as(best.toString()).isEqualTo(201);
        assertThat(best.json().get("basedOnPosition").asLong()).isLessThan(best.ledgerPosition());
        Reply second = api.post("/api/competitions/" + judging.competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "best-film", "submissionId", judging.entries.get(4),
                        "citation", "Runner-up")).send();
        assertThat(second.status()).as("one winner per category").isEqualTo(422);
        Reply joint1 = confer(judging, "jury-prize", judging.entries.get(3), "For its daring");
        Reply joint2 = confer(judging, "jury-prize", judging.entries.get(2), "For its tenderness");
        assertThat(List.of(joint1.status(), joint2.status())).containsOnly(201);
        String revokedId = joint2.json().get("id").asText();
        Reply noReason = api.post("/api/competitions/" + judging.competition + "/awards/" + revokedId + "/revocation")
                .as(ORGANISER).json(Map.of("reason", " ")).send();
        assertThat(noReason.status()).isEqualTo(400);
        Reply revoked = api.post("/api/competitions/" + judging.competition + "/awards/" + revokedId + "/revocation")
                .as(ORGANISER).json(Map.of("reason", "undisclosed stock footage")).send();
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(confer(judging, "best-soundtrack", judging.entries.get(1), "x").status()).isEqualTo(404);
        assertThat(confer(judging, "best-film", "no-such-entry", "x").status()).isEqualTo(422);

        // Under embargo: the public learns nothing, not even that decisions exist.
        Reply embargoed = api.get(results).send();
        assertThat(embargoed.status()).isEqualTo(404);
        assertThat(embargoed.body()).doesNotContain(judging.entries.get(5)).doesNotContain("kite");
        assertThat(api.get("/api/public/competitions/no-such/results").send().status()).isEqualTo(404);

        assertThat(api.post("/api/competitions/" + judging.competition + "/publication").as(AUDITOR).send().status())
                .isEqualTo(403);
        Reply published = api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send();
        assertThat(published.status()).isEqualTo(200);
        assertThat(api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send()
                .status()).as("nothing new to publish").isEqualTo(409);

        Reply open = api.get(results + "?minPosition=" + published.ledgerPosition()).send();
        assertThat(open.status()).as(open.toString()).isEqualTo(200);
        JsonNode json = open.json();
        assertThat(json.get("awards")).hasSize(2);
        assertThat(json.get("awards").get(0).get("categoryName").asText()).isEqualTo("Best AIGC Short Film");
        assertThat(json.get("awards").get(0).get("entry").get("title").asText()).isEqualTo("Film 6");
        assertThat(json.get("awards").get(0).get("citation").asText()).isEqualTo("A kite that flies in every frame");
        assertThat(json.get("awards").get(1).get("entry").get("submissionId").asText())
                .as("the revoked award is gone").isEqualTo(judging.entries.get(3));
        assertThat(json.get("shortlists").get(0).get("entries")).hasSize(3);
        // Never a juror's identity or a mark.
        assertThat(open.body()).doesNotContain("juror").doesNotContain("Juror").doesNotContain("score")
                .doesNotContain("marks").doesNotContain("artistic-impact");

        // The organiser and the auditor see the whole history, revocation included.
        JsonNode awards = api.get("/api/competitions/" + judging.competition + "/awards").as(AUDITOR).send().json();
        assertThat(awards).hasSize(3);
        assertThat(awards.findValues("revoked").stream().filter(JsonNode::asBoolean)).hasSize(1);
    }

    @Test
    void anAwardConferredAfterAPublicationStaysUnderEmbargoUntilTheNextPublication() {
        Judging judging = judgedAndClosed(new int[]{1, 2, 3, 4, 5, 6});
        String results = "/api/public/competitions/" + judging.competition + "/results";
        assertThat(confer(judging, "best-film", judging.entries.get(5), "A kite that flies").status()).isEqualTo(201);
        Reply first = api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send();
        assertThat(first.status()).isEqualTo(200);

        Reply late = confer(judging, "jury-prize", judging.entries.get(3), "Conferred after the ceremony");
        assertThat(late.status()).isEqualTo(201);
        assertThat(shortlist(judging, Map.of("size", 3, "rationale", "drawn late")).status()).isEqualTo(201);
        long lastDecision = head();
        // Read at a position that includes the late decisions: their absence is the embargo, not lag.
        JsonNode partly = api.get(results + "?minPosition=" + lastDecision).send().json();
        assertThat(partly.get("awards")).hasSize(1);
        assertThat(partly.get("awards").get(0).get("citation").asText()).isEqualTo("A kite that flies");
        Instant firstPublished = Instant.parse(partly.get("awards").get(0).get("publishedAt").asText());
        assertThat(partly.get("shortlists")).isEmpty();
        assertThat(partly.toString()).doesNotContain("Conferred after the ceremony");

        Reply second = api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send();
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        JsonNode all = api.get(results + "?minPosition=" + second.ledgerPosition()).send().json();
        assertThat(all.get("awards")).hasSize(2);
        assertThat(Instant.parse(all.get("awards").get(0).get("publishedAt").asText()))
                .as("the first award keeps its publication").isEqualTo(firstPublished);
        Instant secondPublished = Instant.parse(all.get("awards").get(1).get("publishedAt").asText());
        assertThat(all.get("awards").get(1).get("citation").asText()).isEqualTo("Conferred after the ceremony");
        assertThat(secondPublished).isAfterOrEqualTo(firstPublished);
        assertThat(Instant.parse(all.get("shortlists").get(0).get("publishedAt").asText())).isEqualTo(secondPublished);
        assertThat(Instant.parse(all.get("publishedAt").asText())).as("the latest publication")
                .isEqualTo(secondPublished);

        long before = head();
        Reply nothingNew = api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send();
        assertThat(nothingNew.status()).isEqualTo(409);
        assertThat(nothingNew.header("Content-Type")).startsWith("application/problem+json");
        assertThat(nothingNew.json().get("detail").asText()).contains("nothing new to publish");
        assertThat(head()).as("the refusal recorded nothing").isEqualTo(before);
    }

    private Reply confer(Judging judging, String category, String entry, String citation) {
        return api.post("/api/competitions/" + judging.competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", category, "submissionId", entry, "citation", citation)).send();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
