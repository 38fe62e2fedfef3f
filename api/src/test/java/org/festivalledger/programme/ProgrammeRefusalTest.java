package org.festivalledger.programme;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;
import static org.festivalledger.programme.ProgrammeApiTest.screening;

/** Every kind of bad programme request gets a problem answer with the right status, and records nothing. */
class ProgrammeRefusalTest extends LedgerTestApplication {

    private Judging festival;
    private Judging other;
    private String base;

    /** A hall with one screening (06:00–06:35) and a studio with one session of Hana Sato's (02:00–03:30). */
    @BeforeEach
    void aProgrammeWithOneScreeningAndOneSession() {
        festival = Judging.with(api, "refuse-" + UUID.randomUUID().toString().substring(0, 8), 3, 1);
        other = Judging.with(api, "other-" + UUID.randomUUID().toString().substring(0, 8), 1, 0);
        base = "/api/competitions/" + festival.competition;
        ok(api.post(base + "/venues").as(ORGANISER)
                .json(Map.of("id", "hall", "name", "Cinema Hall 1", "capacity", 300, "changeoverMinutes", 15)).send());
        ok(api.post(base + "/venues").as(ORGANISER)
                .json(Map.of("id", "studio", "name", "Forum Studio", "capacity", 80, "changeoverMinutes", 10)).send());
        ok(post("/screenings", screening("s1", "hall", "2027-04-17T06:00:00Z", true, film(1), film(2))));
        ok(post("/forum-sessions", Map.of("id", "talk", "title", "Authorship", "speakers", List.of("Hana Sato"),
                "venueId", "studio", "startsAt", "2027-04-17T02:00:00Z", "endsAt", "2027-04-17T03:30:00Z")));
        ok(post("/screenings/s1/cancellation", Map.of("reason", "the print did not arrive")));
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.toString()).isBetween(200, 201);
    }

    private String film(int n) {
        return festival.entries.get(n - 1);
    }

    private Reply post(String path, Object body) {
        return api.post(base + path).as(ORGANISER).json(body).send();
    }

    private long head() {
        return api.get("/api/audit/head").send().json().get("position").asLong();
    }

    /** The refusal's status, after checking it is a problem answer and that the ledger did not move. */
    private Reply refused(Reply reply, int status) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
        return reply;
    }

    private static List<String> fields(Reply reply) {
        JsonNode errors = reply.json().get("errors");
        return errors == null ? List.of() : errors.findValuesAsText("field");
    }

    @Test
    void badInputIsAnsweredWithAProblemAndRecordsNothing() {
        long before = head();

        Reply endBeforeStart = refused(post("/forum-sessions", Map.of("title", "Backwards", "speakers",
                List.of("Lin Yue"), "venueId", "studio", "startsAt", "2027-04-17T10:00:00Z",
                "endsAt", "2027-04-17T09:00:00Z")), 400);
        assertThat(fields(endBeforeStart)).containsExactly("endsAt");

        Reply unknownVenue = refused(post("/screenings",
                screening("s9", "the-moon", "2027-04-17T10:00:00Z", true, film(1))), 404);
        assertThat(unknownVenue.json().get("detail").asText()).contains("has no venue the-moon");

        Reply foreignFilm = refused(post("/screenings",
                screening("s9", "hall", "2027-04-17T10:00:00Z", true, other.entries.get(0))), 404);
        assertThat(foreignFilm.json().get("detail").asText()).contains("has no submission " + other.entries.get(0));
        refused(post("/screenings", screening("s9", "hall", "2027-04-17T10:00:00Z", true, "no-such-film")), 404);

        Reply malformed = refused(api.post(base + "/screenings").as(ORGANISER).body("{\"venueId\": \"hall\",").send(),
                400);
        assertThat(malformed.json().get("title").asText()).isEqualTo("Malformed request");
        Reply notATime = refused(api.post(base + "/screenings").as(ORGANISER)
                .body("{\"venueId\": \"hall\", \"startsAt\": \"tomorrow at ten\"}").send(), 400);
        assertThat(fields(notATime)).containsExactly("startsAt");
        refused(api.post(base + "/screenings").as(ORGANISER).body("{\"venu\": \"hall\"}").send(), 400);

        Reply empty = refused(post("/screenings", Map.of()), 400);
        assertThat(fields(empty)).containsExactly("title", "venueId", "startsAt", "submissionIds");
        Reply twice = refused(post("/screenings",
                screening("s9", "hall", "2027-04-17T10:00:00Z", true, film(1), film(1))), 400);
        assertThat(fields(twice)).containsExactly("submissionIds[1]");
        refused(post("/venues", Map.of("name", "Nowhere", "capacity", 0, "changeoverMinutes", -1)), 400);
        refused(post("/venues", Map.of("id", "a/b", "name", "Slash", "capacity", 10, "changeoverMinutes", 0)), 400);
        refused(api.get(base + "/schedule?timeZone=Mars/Olympus").as(ORGANISER).send(), 400);

        assertThat(head()).as("nothing was recorded").isEqualTo(before);
    }

    @Test
    void aBrokenFestivalRuleIsA422AndAStateConflictA409() {
        long before = head();

        Reply clash = refused(post("/forum-sessions", Map.of("title", "Encore", "speakers", List.of("Hana Sato"),
                "venueId", "studio", "startsAt", "2027-04-17T03:35:00Z", "endsAt", "2027-04-17T04:00:00Z")), 422);
        assertThat(clash.json().get("detail").asText()).contains("until 2027-04-17T03:40:00Z");
        Reply speaker = refused(post("/forum-sessions", Map.of("title", "Elsewhere", "speakers",
                List.of("hana sato"), "venueId", "hall", "startsAt", "2027-04-17T03:00:00Z",
                "endsAt", "2027-04-17T04:00:00Z")), 422);
        assertThat(speaker.json().get("detail").asText()).contains("already speaks in forum session talk");

        Reply cancelTwice = refused(post("/screenings/s1/cancellation", Map.of("reason", "again")), 409);
        assertThat(cancelTwice.json().get("detail").asText()).contains("was cancelled");
        refused(post("/screenings/s1/reschedule", Map.of("startsAt", "2027-04-17T12:00:00Z")), 409);
        refused(post("/venues", Map.of("id", "hall", "name", "Hall again", "capacity", 10, "changeoverMinutes", 0)),
                409);
        refused(post("/screenings", screening("talk", "hall", "2027-04-17T12:00:00Z", true, film(3))), 409);

        Reply noReason = refused(post("/forum-sessions/talk/cancellation", Map.of()), 400);
        assertThat(fields(noReason)).containsExactly("reason");
        refused(post("/screenings/nothing/cancellation", Map.of("reason", "x")), 404);
        refused(post("/forum-sessions/s1/reschedule", Map.of("startsAt", "2027-04-17T12:00:00Z")), 404);
        refused(api.post("/api/competitions/no-such-competition/venues").as(ORGANISER)
                .json(Map.of("name", "Ghost", "capacity", 10, "changeoverMinutes", 0)).send(), 404);
        refused(api.get("/api/public/competitions/no-such-competition/schedule.ics").send(), 404);

        assertThat(head()).as("nothing was recorded").isEqualTo(before);
    }

    @Test
    void onlyTheOrganiserChangesTheProgramme() {
        long before = head();
        Map<String, Object> body = screening("s9", "hall", "2027-04-17T12:00:00Z", true, film(3));

        refused(api.post(base + "/screenings").json(body).send(), 401);
        refused(festival.asJuror(api.post(base + "/screenings").json(body), "juror-1").send(), 403);
        refused(api.post(base + "/screenings").as(AUDITOR).json(body).send(), 403);
        refused(api.get(base + "/schedule").send(), 401);
        assertThat(api.get(base + "/schedule").as(AUDITOR).send().status()).isEqualTo(200);

        assertThat(head()).as("nothing was recorded").isEqualTo(before);
    }
}
