package org.festivalledger.round;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.http.FormOnce;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The organiser's round pages: a round opened from its form; the automatic assignment previewed (each juror's load,
 * computed by the judging's own draw) and then recorded as one decision however often the form is sent; one
 * assignment added or removed by hand; every refusal next to its field with what was typed kept, nothing recorded.
 */
class RoundPagesTest extends LedgerTestApplication {

    private static final Pattern AFTER = Pattern.compile(
            "data-juror=\"([^\"]+)\">\\s*<td>[^<]*</td>\\s*<td class=\"num\">\\d+</td>\\s*<td class=\"num added\">\\d+</td>\\s*"
                    + "<td class=\"num after\">(\\d+)</td>");

    @Test
    void aRoundOpenedOnThePageIsTheRoundTheApiShows() {
        Judging judging = Judging.with(api, "open-page-" + UUID.randomUUID().toString().substring(0, 6), 3, 2);
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String rounds = "/organiser/competitions/" + judging.competition + "/rounds";

        HttpResponse<String> opened = organiser.submit(rounds + "/new", rounds, Map.of("id", "preliminary",
                "name", "Preliminary", "aggregation", "MEDIAN", "jurorsPerEntry", "2", "minScoresPerEntry", "1",
                "entries", "ALL_ELIGIBLE", FormOnce.FIELD, UUID.randomUUID().toString()));

        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith(rounds + "/preliminary?opened");
        JsonNode round = api.get("/api/competitions/" + judging.competition + "/rounds/preliminary").as(ORGANISER)
                .send().json();
        assertThat(round.get("aggregation").asText()).isEqualTo("MEDIAN");
        assertThat(round.get("entries").asInt()).isEqualTo(3);
        assertThat(organiser.get(rounds).body()).contains("data-round=\"preliminary\"").contains("Median");
    }

    @Test
    void aRefusedRoundIsShownNextToItsFieldKeepsWhatWasTypedAndRecordsNothing() {
        Judging judging = Judging.with(api, "open-refused-" + UUID.randomUUID().toString().substring(0, 6), 3, 2);
        assertThat(judging.openRound("preliminary", 2, "MEAN", 1).status()).isEqualTo(201);
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String rounds = "/organiser/competitions/" + judging.competition + "/rounds";
        long before = ledger.head().position();

        HttpResponse<String> tooMany = organiser.submit(rounds + "/new", rounds, Map.of("id", "final",
                "name", "The final", "aggregation", "TRIMMED_MEAN", "jurorsPerEntry", "2", "minScoresPerEntry", "5",
                "entries", "ALL_ELIGIBLE", FormOnce.FIELD, UUID.randomUUID().toString()));
        HttpResponse<String> taken = organiser.submit(rounds + "/new", rounds, Map.of("id", "preliminary",
                "name", "Again", "aggregation", "MEAN", "jurorsPerEntry", "2", "minScoresPerEntry", "1",
                "entries", "ALL_ELIGIBLE", FormOnce.FIELD, UUID.randomUUID().toString()));
        HttpResponse<String> notClosed = organiser.submit(rounds + "/new", rounds, Map.of("id", "final",
                "name", "The final", "aggregation", "MEAN", "jurorsPerEntry", "2", "minScoresPerEntry", "1",
                "entries", "SHORTLIST_OF:preliminary", FormOnce.FIELD, UUID.randomUUID().toString()));

        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("id=\"minScoresPerEntry-problem\"").contains("value=\"5\"")
                .contains("value=\"The final\"").containsPattern("value=\"TRIMMED_MEAN\"[^>]*checked");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("id=\"id-problem\"").contains("value=\"Again\"");
        assertThat(notClosed.statusCode()).isEqualTo(409);
        assertThat(notClosed.body()).contains("id=\"entries-problem\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void theAutomaticAssignmentRecordsTheLoadsItsPreviewShowedOnceHoweverOftenItIsSent() {
        Judging judging = Judging.with(api, "assign-page-" + UUID.randomUUID().toString().substring(0, 6), 7, 3);
        assertThat(judging.openRound("preliminary", 2, "MEAN", 1).status()).isEqualTo(201);
        api.post("/api/competitions/" + judging.competition + "/jurors/juror-1/conflicts").as(ORGANISER)
                .json(Map.of("submissionId", judging.entries.get(0), "reason", "edited the film")).send();
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String round = "/organiser/competitions/" + judging.competition + "/rounds/preliminary";
        long before = ledger.head().position();

        HttpResponse<String> preview = organiser.get(round + "/assignments/automatic");
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(ledger.head().position()).as("a preview records nothing").isEqualTo(before);
        Map<String, Integer> previewed = new HashMap<>();
        Matcher row = AFTER.matcher(preview.body());
        while (row.find()) {
            previewed.put(row.group(1), Integer.parseInt(row.group(2)));
        }
        assertThat(previewed).hasSize(3);
        assertThat(previewed.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(14);

        Map<String, String> form = Map.of(FormOnce.FIELD, UUID.randomUUID().toString());
        HttpResponse<String> first = organiser.submit(round + "/assignments/automatic", round + "/assignments/automatic",
                form);
        HttpResponse<String> again = organiser.submit(round + "/assignments/automatic", round + "/assignments/automatic",
                form);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(302);
        assertThat(again.statusCode()).isIn(302, 303);
        try (var since = ledger.readFrom(before + 1, LedgerLog.DEFAULT_CHUNK)) {
            assertThat(since.map(StoredEvent::payloadType).filter(type -> type.endsWith("JurorsAssigned")).count())
                    .as("one decision, one event").isEqualTo(1);
        }
        Map<String, Integer> recorded = new HashMap<>();
        for (JsonNode entry : api.get("/api/competitions/" + judging.competition + "/rounds/preliminary/assignments")
                .as(ORGANISER).send().json()) {
            entry.get("jurors").forEach(juror -> recorded.merge(juror.asText(), 1, Integer::sum));
        }
        assertThat(recorded).as("the loads the preview showed").isEqualTo(previewed);
        String page = organiser.get(round).body();
        assertThat(page).contains("id=\"juror-loads\"").contains("id=\"entry-coverage\"");
    }

    @Test
    void oneAssignmentIsAddedAndRemovedByHandAndARemovalNeedsAReason() {
        Judging judging = Judging.with(api, "manual-page-" + UUID.randomUUID().toString().substring(0, 6), 2, 2);
        assertThat(judging.openRound("preliminary", 1, "MEAN", 1).status()).isEqualTo(201);
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String round = "/organiser/competitions/" + judging.competition + "/rounds/preliminary";
        String entry = judging.entries.get(1);

        HttpResponse<String> added = organiser.submit(round, round + "/assignments", Map.of("jurorId", "juror-2",
                "submissionId", entry, FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(302);
        long before = ledger.head().position();
        HttpResponse<String> unknown = organiser.submit(round, round + "/assignments", Map.of("jurorId", "juror-2",
                "submissionId", "no-such-film", FormOnce.FIELD, UUID.randomUUID().toString()));
        HttpResponse<String> reasonless = organiser.submit(round, round + "/assignments/removal", Map.of(
                "jurorId", "juror-2", "submissionId", entry, "reason", " ", FormOnce.FIELD, UUID.randomUUID().toString()));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("id=\"add-submissionId-problem\"").contains("value=\"no-such-film\"");
        assertThat(reasonless.statusCode()).isEqualTo(400);
        assertThat(reasonless.body()).contains("id=\"remove-reason-problem\"").contains("value=\"" + entry + "\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);

        HttpResponse<String> removed = organiser.submit(round, round + "/assignments/removal", Map.of(
                "jurorId", "juror-2", "submissionId", entry, "reason", "a family tie came to light",
                FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(removed.statusCode()).isEqualTo(302);
        List<String> jurors = api.get("/api/competitions/" + judging.competition + "/rounds/preliminary/assignments")
                .as(ORGANISER).send().json().findValues("jurors").stream().map(JsonNode::toString).toList();
        assertThat(jurors).allMatch(list -> !list.contains("juror-2"));
    }
}
