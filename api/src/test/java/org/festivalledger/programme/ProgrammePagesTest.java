package org.festivalledger.programme;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.http.FormOnce;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The organiser's programme pages as a browser without JavaScript uses them: each form goes through the same use
 * case as the JSON API; times are typed in the festival's zone (Asia/Shanghai, UTC+8); a refusal comes back with a
 * 4xx status, its sentence next to the field it is about, what was typed kept, and nothing recorded.
 */
class ProgrammePagesTest extends LedgerTestApplication {

    private Judging festival;
    private String api;
    private String pages;
    private OrganiserSession organiser;

    @BeforeEach
    void aCompetitionWithThreeEntries() {
        festival = Judging.with(super.api, "prog-pages-" + UUID.randomUUID().toString().substring(0, 8), 3, 0);
        api = "/api/competitions/" + festival.competition;
        pages = "/organiser/competitions/" + festival.competition + "/programme";
        organiser = OrganiserSession.signIn(port);
    }

    private Reply post(String path, Object body) {
        Reply reply = super.api.post(api + path).as(ORGANISER).json(body).send();
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
        super.api.get(api + "/schedule?minPosition=" + reply.ledgerPosition()).as(ORGANISER).send();
        return reply;
    }

    private void aHall() {
        post("/venues", Map.of("id", "hall", "name", "Cinema Hall 1", "capacity", 300, "changeoverMinutes", 15));
    }

    private JsonNode item(String id) {
        return super.api.get(api + "/schedule").as(ORGANISER).send().json().findParents("id").stream()
                .filter(node -> node.get("id").asText().equals(id) && node.has("kind")).findFirst().orElseThrow();
    }

    private static String location(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isIn(302, 303);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    @Test
    void aVenueIsAddedThroughItsForm() {
        HttpResponse<String> added = organiser.submit(pages + "/venues/new", pages + "/venues", Map.of(
                "id", "hall", "name", "Cinema Hall 1", "capacity", "300", "changeoverMinutes", "15"));

        assertThat(location(added)).endsWith(pages + "?venueAdded=hall#venues");
        assertThat(super.api.get(api + "/venues/hall").as(ORGANISER).send().json().get("capacity").asInt())
                .isEqualTo(300);
        HttpResponse<String> timeline = organiser.get(pages + "?venueAdded=hall");
        assertThat(timeline.statusCode()).isEqualTo(200);
        assertThat(timeline.body()).contains("Cinema Hall 1 is added to the venues.").contains("<td>hall</td>");
    }

    @Test
    void aMalformedVenueIsRefusedNextToItsFieldsWithWhatWasTypedKept() {
        long before = ledger.head().position();

        HttpResponse<String> refused = organiser.submit(pages + "/venues/new", pages + "/venues", Map.of(
                "id", "", "name", "Studio B", "capacity", "many", "changeoverMinutes", "2000"));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"capacity-problem\"").contains("Enter a whole number.")
                .contains("value=\"Studio B\"").contains("value=\"many\"").contains("value=\"2000\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);

        HttpResponse<String> range = organiser.submit(pages + "/venues/new", pages + "/venues", Map.of(
                "name", "Studio B", "capacity", "80", "changeoverMinutes", "2000"));
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(range.body()).contains("id=\"changeoverMinutes-problem\"").contains("Must be between 0 and 1440.")
                .contains("aria-describedby=\"changeoverMinutes-problem\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aScreeningIsScheduledMovedAndCancelledThroughThePages() {
        aHall();
        String film = festival.entries.get(0);

        HttpResponse<String> scheduled = organiser.submit(pages + "/screenings/new", pages + "/screenings", Map.of(
                "id", "shorts-1", "title", "Shorts 1", "venueId", "hall", "startsAt", "2027-04-17T14:00",
                "submissionIds", film, "public", "true"));

        assertThat(location(scheduled)).endsWith(pages + "?scheduled=shorts-1#item-shorts-1");
        assertThat(item("shorts-1").get("startsAt").asText()).as("14:00 in Beijing").isEqualTo("2027-04-17T06:00:00Z");
        HttpResponse<String> timeline = organiser.get(pages + "?scheduled=shorts-1");
        assertThat(timeline.body()).contains("Saturday 17 April 2027").contains("14:00–14:25")
                .contains("&quot;Shorts 1&quot; is on the programme from 17 Apr 2027, 14:00.")
                .contains("href=\"" + pages + "/screenings/shorts-1\"");

        String page = pages + "/screenings/shorts-1";
        assertThat(organiser.get(page).body()).contains("value=\"2027-04-17T14:00\"").contains("Film 1");
        HttpResponse<String> moved = organiser.submit(page, page + "/reschedule", Map.of("venueId", "hall",
                "startsAt", "2027-04-18T19:30", "submissionIds", film, "reason", "the director arrives a day later"));
        assertThat(location(moved)).endsWith(page + "?moved");
        assertThat(item("shorts-1").get("startsAt").asText()).isEqualTo("2027-04-18T11:30:00Z");
        assertThat(item("shorts-1").get("changeReason").asText()).isEqualTo("the director arrives a day later");

        HttpResponse<String> cancelled = organiser.submit(page, page + "/cancellation",
                Map.of("reason", "the print did not arrive"));
        assertThat(location(cancelled)).endsWith(page + "?cancelled");
        assertThat(item("shorts-1").get("status").asText()).isEqualTo("CANCELLED");
        assertThat(organiser.get(page + "?cancelled").body()).contains("The cancellation is recorded.")
                .contains("the print did not arrive").doesNotContain("/reschedule");
    }

    @Test
    void anOverlapWithTheChangeoverIsRefusedNextToTheStartWithWhatWasTypedKept() {
        aHall();
        post("/screenings", Map.of("id", "shorts-1", "title", "Shorts 1", "venueId", "hall",
                "startsAt", "2027-04-17T06:00:00Z", "submissionIds", List.of(festival.entries.get(0))));
        long before = ledger.head().position();

        // Shorts 1 runs 14:00–14:10 (Beijing), the hall needs 15 minutes after it: 14:20 is too early.
        HttpResponse<String> refused = organiser.submit(pages + "/screenings/new", pages + "/screenings", Map.of(
                "title", "Shorts 2", "venueId", "hall", "startsAt", "2027-04-17T14:20",
                "submissionIds", festival.entries.get(1)));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("<p class=\"field-problem\" id=\"startsAt-problem\">Cinema Hall 1 is taken"
                        + " by the screening &quot;Shorts 1&quot; from 17 Apr 2027, 14:00 until 17 Apr 2027, 14:25")
                .contains("aria-describedby=\"startsAt-problem\"")
                .contains("value=\"Shorts 2\"").contains("value=\"2027-04-17T14:20\"")
                .containsPattern("value=\"" + festival.entries.get(1) + "\"\\s+checked");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void theOverlapIsToldInChineseOnAChinesePage() {
        aHall();
        post("/screenings", Map.of("id", "shorts-1", "title", "Shorts 1", "venueId", "hall",
                "startsAt", "2027-04-17T06:00:00Z", "submissionIds", List.of(festival.entries.get(0))));
        organiser.get("/language?lang=zh-CN&back=/organiser");

        HttpResponse<String> refused = organiser.submit(pages + "/screenings/new", pages + "/screenings", Map.of(
                "title", "Shorts 2", "venueId", "hall", "startsAt", "2027-04-17T14:20",
                "submissionIds", festival.entries.get(1)));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("<html lang=\"zh-CN\"")
                .contains("Cinema Hall 1在2027年4月17日 14:00至2027年4月17日 14:25（含换场时间）已被放映场次“Shorts 1”占用");
    }

    @Test
    void aFilmThatLeftTheCompetitionIsRefusedNextToTheFilms() {
        aHall();
        String film = festival.entries.get(2);
        post("/submissions/" + film + "/withdrawal", Map.of("reason", "signed with a distributor"));
        long before = ledger.head().position();

        HttpResponse<String> refused = organiser.submit(pages + "/screenings/new", pages + "/screenings", Map.of(
                "title", "Shorts 3", "venueId", "hall", "startsAt", "2027-04-17T16:00", "submissionIds", film));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"submissionIds-problem\">&quot;Film 3&quot; (" + film
                        + ") has left the competition (withdrawn) and cannot be screened.")
                .containsPattern("value=\"" + film + "\"\\s+checked").contains("value=\"Shorts 3\"");
        // The withdrawal drops the film from the open rounds a moment later (EntryDropPolicy): that may land
        // meanwhile, a programme event may not.
        try (var since = ledger.readFrom(before + 1, LedgerLog.DEFAULT_CHUNK)) {
            assertThat(since.map(StoredEvent::payloadType)).as("nothing recorded in the programme")
                    .noneMatch(type -> type.matches(".*(Screening|ForumSession|Venue|Programme)[A-Za-z]*$"));
        }
    }

    @Test
    void aScreeningShowingAWithdrawnFilmIsWarnedOnTheTimeline() {
        aHall();
        String film = festival.entries.get(1);
        post("/screenings", Map.of("id", "shorts-1", "title", "Shorts 1", "venueId", "hall",
                "startsAt", "2027-04-17T06:00:00Z", "submissionIds", List.of(festival.entries.get(0), film)));
        post("/submissions/" + film + "/withdrawal", Map.of("reason", "signed with a distributor"));

        String warning = "&quot;Film 2&quot; (" + film + ") was withdrawn from the competition: signed with a distributor."
                + " Move this screening without it, or cancel it.";
        assertThat(organiser.get(pages).body()).contains("Warnings (1)").contains(warning);
        organiser.get("/language?lang=zh-CN&back=/organiser");
        assertThat(organiser.get(pages).body()).contains("提醒（1）")
                .contains("“Film 2”（" + film + "）已撤回参赛：signed with a distributor。");
    }

    @Test
    void aForumSessionIsScheduledMovedAndCancelledThroughThePages() {
        aHall();
        HttpResponse<String> scheduled = organiser.submit(pages + "/forum-sessions/new", pages + "/forum-sessions",
                Map.of("id", "talk", "title", "Authorship and the machine", "venueId", "hall",
                        "startsAt", "2027-04-17T10:00", "endsAt", "2027-04-17T11:30",
                        "speakers", "Hana Sato\r\n\r\nLin Yue\r\n", "public", "true"));

        assertThat(location(scheduled)).endsWith(pages + "?scheduled=talk#item-talk");
        JsonNode talk = item("talk");
        assertThat(talk.get("startsAt").asText()).isEqualTo("2027-04-17T02:00:00Z");
        assertThat(talk.get("speakers")).hasSize(2);

        String page = pages + "/forum-sessions/talk";
        assertThat(organiser.get(page).body()).contains("Hana Sato").contains("value=\"2027-04-17T11:30\"");
        HttpResponse<String> moved = organiser.submit(page, page + "/reschedule", Map.of("venueId", "hall",
                "startsAt", "2027-04-17T15:00", "endsAt", "2027-04-17T16:00", "reason", ""));
        assertThat(location(moved)).endsWith(page + "?moved");
        assertThat(item("talk").get("endsAt").asText()).isEqualTo("2027-04-17T08:00:00Z");

        long before = ledger.head().position();
        HttpResponse<String> noReason = organiser.submit(page, page + "/cancellation", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"cancelReason-problem\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
        HttpResponse<String> cancelled = organiser.submit(page, page + "/cancellation",
                Map.of("reason", "the speakers fell ill"));
        assertThat(location(cancelled)).endsWith(page + "?cancelled");
        assertThat(item("talk").get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void aSpeakerInTwoPlacesIsRefusedNextToTheSpeakersWithWhatWasTypedKept() {
        aHall();
        post("/venues", Map.of("id", "studio", "name", "Forum Studio", "capacity", 80, "changeoverMinutes", 10));
        post("/forum-sessions", Map.of("id", "talk", "title", "Authorship", "speakers", List.of("Hana Sato"),
                "venueId", "studio", "startsAt", "2027-04-17T02:00:00Z", "endsAt", "2027-04-17T03:30:00Z"));
        long before = ledger.head().position();

        HttpResponse<String> refused = organiser.submit(pages + "/forum-sessions/new", pages + "/forum-sessions",
                Map.of("title", "Elsewhere", "venueId", "hall", "startsAt", "2027-04-17T11:00",
                        "endsAt", "2027-04-17T12:00", "speakers", "Lin Yue\nhana sato"));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("id=\"speakers-problem\">hana sato already speaks in &quot;Authorship&quot; from"
                        + " 17 Apr 2027, 10:00 until 17 Apr 2027, 11:30.")
                .contains(">Lin Yue\nhana sato</textarea>").contains("value=\"Elsewhere\"")
                .contains("aria-describedby=\"speakers-problem\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);

        HttpResponse<String> backwards = organiser.submit(pages + "/forum-sessions/new", pages + "/forum-sessions",
                Map.of("title", "Backwards", "venueId", "hall", "startsAt", "2027-04-17T11:00",
                        "endsAt", "2027-04-17T10:00", "speakers", "Lin Yue"));
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("id=\"endsAt-problem\">The end must come after the start.");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void aScreeningFormSentTwiceSchedulesOnce() {
        aHall();
        Map<String, String> form = Map.of("title", "Shorts 1", "venueId", "hall", "startsAt", "2027-04-17T14:00",
                "submissionIds", festival.entries.get(0), FormOnce.FIELD, UUID.randomUUID().toString());

        String first = location(organiser.submit(pages + "/screenings/new", pages + "/screenings", form));
        String second = location(organiser.submit(pages + "/screenings/new", pages + "/screenings", form));

        assertThat(second).isEqualTo(first);
        assertThat(super.api.get(api + "/schedule").as(ORGANISER).send().json().findValues("kind"))
                .as("one screening, though the server chose its id").hasSize(1);
    }

    @Test
    void anUnknownScreeningIsAPageNotFound() {
        assertThat(organiser.get(pages + "/screenings/nothing").statusCode()).isEqualTo(404);
        assertThat(organiser.get("/organiser/competitions/no-such-competition/programme").statusCode())
                .isEqualTo(404);
    }
}
