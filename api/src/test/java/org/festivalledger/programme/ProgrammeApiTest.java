package org.festivalledger.programme;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/** The programme through HTTP: venues, screenings and forum sessions, the two schedules, warnings, moves. */
class ProgrammeApiTest extends LedgerTestApplication {

    private Judging festival;
    private String base;

    /** A competition of four entries of 10 minutes each, a hall (15 minutes' changeover) and a studio (10). */
    @BeforeEach
    void aCompetitionWithTwoVenues() {
        festival = Judging.with(api, "prog-" + UUID.randomUUID().toString().substring(0, 8), 4, 0);
        base = "/api/competitions/" + festival.competition;
        assertThat(venue("hall", "Cinema Hall 1", 300, 15).status()).isEqualTo(201);
        assertThat(venue("studio", "Forum Studio", 80, 10).status()).isEqualTo(201);
    }

    private Reply venue(String id, String name, int capacity, int changeover) {
        return api.post(base + "/venues").as(ORGANISER)
                .json(Map.of("id", id, "name", name, "capacity", capacity, "changeoverMinutes", changeover)).send();
    }

    private String film(int n) {
        return festival.entries.get(n - 1);
    }

    static Map<String, Object> screening(String id, String venueId, String startsAt, boolean isPublic,
                                         String... films) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", id);
        body.put("venueId", venueId);
        body.put("startsAt", startsAt);
        body.put("submissionIds", List.of(films));
        body.put("title", "Shorts " + id);
        body.put("public", isPublic);
        return body;
    }

    private Reply schedule(Map<String, Object> screening) {
        return api.post(base + "/screenings").as(ORGANISER).json(screening).send();
    }

    private Reply session(String id, String venueId, String startsAt, String endsAt, String... speakers) {
        return api.post(base + "/forum-sessions").as(ORGANISER).json(Map.of("id", id, "title", "Panel " + id,
                "speakers", List.of(speakers), "venueId", venueId, "startsAt", startsAt, "endsAt", endsAt)).send();
    }

    private JsonNode organiserSchedule(Reply after) {
        Reply reply = api.get(base + "/schedule?minPosition=" + after.ledgerPosition()).as(ORGANISER).send();
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode item(JsonNode schedule, String id) {
        for (JsonNode day : schedule.get("days")) {
            for (JsonNode venue : day.get("venues")) {
                for (JsonNode item : venue.get("items")) {
                    if (item.get("id").asText().equals(id)) {
                        return item;
                    }
                }
            }
        }
        throw new AssertionError("no item " + id + " in " + schedule);
    }

    @Test
    void anOrganiserBuildsTheProgrammeAndThePublicReadsItsPublicPart() {
        Reply scheduled = schedule(screening("s1", "hall", "2027-04-17T06:00:00Z", true, film(1), film(2)));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(201);
        assertThat(scheduled.header("Location")).isEqualTo(base + "/screenings/s1");
        // Two films of 10 minutes, then the hall's 15 minutes of changeover.
        assertThat(scheduled.json().get("endsAt").asText()).isEqualTo("2027-04-17T06:35:00Z");
        assertThat(schedule(screening("press", "hall", "2027-04-17T06:35:00Z", false, film(3))).status())
                .isEqualTo(201);
        Reply talk = session("talk", "studio", "2027-04-17T02:00:00Z", "2027-04-17T03:30:00Z", "Hana Sato");
        assertThat(talk.status()).as(talk.toString()).isEqualTo(201);
        assertThat(talk.json().get("endsAt").asText()).isEqualTo("2027-04-17T03:30:00Z");

        JsonNode all = organiserSchedule(talk);
        assertThat(all.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
        JsonNode day = all.get("days").get(0);
        assertThat(day.get("date").asText()).isEqualTo("2027-04-17");
        assertThat(day.get("venues")).extracting(venue -> venue.get("name").asText())
                .containsExactly("Cinema Hall 1", "Forum Studio");
        JsonNode s1 = item(all, "s1");
        assertThat(s1.get("films").findValuesAsText("title")).containsExactly("Film 1", "Film 2");
        assertThat(s1.get("warnings")).isEmpty();
        assertThat(s1.get("public").asBoolean()).isTrue();
        assertThat(item(all, "press").get("public").asBoolean()).isFalse();
        assertThat(item(all, "talk").get("speakers").get(0).asText()).isEqualTo("Hana Sato");

        Reply open = api.get("/api/public/competitions/" + festival.competition + "/schedule").send();
        assertThat(open.status()).isEqualTo(200);
        assertThat(open.json().findValuesAsText("id")).containsExactlyInAnyOrder("s1", "talk");
        assertThat(open.body()).doesNotContain("warnings", "\"public\"", "\"status\":\"RECEIVED\"");

        Reply venues = api.get(base + "/venues").as(AUDITOR).send();
        assertThat(venues.json().findValuesAsText("name")).containsExactly("Cinema Hall 1", "Forum Studio");
        assertThat(api.get(base + "/screenings/s1").as(ORGANISER).send().json().get("endsAt").asText())
                .isEqualTo("2027-04-17T06:35:00Z");
    }

    @Test
    void aFilmWithdrawnAfterItWasScheduledIsFlaggedUntilTheScreeningIsMovedWithoutIt() {
        assertThat(schedule(screening("s1", "hall", "2027-04-17T06:00:00Z", true, film(1), film(2))).status())
                .isEqualTo(201);
        Reply withdrawn = api.post(base + "/submissions/" + film(2) + "/withdrawal").as(ORGANISER)
                .json(Map.of("reason", "signed with a distributor")).send();
        assertThat(withdrawn.status()).isEqualTo(200);

        JsonNode warning = item(organiserSchedule(withdrawn), "s1").get("warnings").get(0);
        assertThat(warning.get("code").asText()).isEqualTo("FILM_WITHDRAWN");
        assertThat(warning.get("submissionId").asText()).isEqualTo(film(2));

        // Moving it with the same films would screen the withdrawn one again: refused.
        Reply kept = api.post(base + "/screenings/s1/reschedule").as(ORGANISER)
                .json(Map.of("startsAt", "2027-04-17T08:00:00Z")).send();
        assertThat(kept.status()).as(kept.toString()).isEqualTo(422);
        assertThat(schedule(screening("s2", "studio", "2027-04-17T06:00:00Z", true, film(2))).status())
                .isEqualTo(422);

        Reply moved = api.post(base + "/screenings/s1/reschedule").as(ORGANISER)
                .json(Map.of("startsAt", "2027-04-17T08:00:00Z", "venueId", "studio",
                        "submissionIds", List.of(film(1)), "reason", "Film 2 was withdrawn")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("endsAt").asText()).isEqualTo("2027-04-17T08:20:00Z");

        JsonNode s1 = item(organiserSchedule(moved), "s1");
        assertThat(s1.get("warnings")).isEmpty();
        assertThat(s1.get("revision").asInt()).isEqualTo(1);
        assertThat(s1.get("changeReason").asText()).isEqualTo("Film 2 was withdrawn");
        assertThat(s1.get("venueId").asText()).isEqualTo("studio");
    }

    @Test
    void aRescheduleWithoutFilmsKeepsThemAndACancelledScreeningStaysInTheOrganisersSchedule() {
        assertThat(schedule(screening("s1", "hall", "2027-04-17T06:00:00Z", true, film(1), film(2))).status())
                .isEqualTo(201);
        Reply moved = api.post(base + "/screenings/s1/reschedule").as(ORGANISER)
                .header("X-Reason", "the jury asked for the evening")
                .json(Map.of("startsAt", "2027-04-17T11:00:00Z")).send();
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("endsAt").asText()).isEqualTo("2027-04-17T11:35:00Z");

        Reply cancelled = api.post(base + "/screenings/s1/cancellation").as(ORGANISER)
                .json(Map.of("reason", "the print did not arrive")).send();
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        JsonNode s1 = item(organiserSchedule(cancelled), "s1");
        assertThat(s1.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(s1.get("films").findValuesAsText("submissionId")).containsExactly(film(1), film(2));
        assertThat(api.get("/api/public/competitions/" + festival.competition + "/schedule?minPosition="
                + cancelled.ledgerPosition()).send().json().get("days")).isEmpty();
        // The hall is free again.
        assertThat(schedule(screening("s2", "hall", "2027-04-17T11:00:00Z", true, film(3))).status())
                .isEqualTo(201);
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyIsRecordedOnce() {
        Api.Call first = api.post(base + "/screenings").as(ORGANISER).header("Idempotency-Key", "s1-once")
                .json(screening("s1", "hall", "2027-04-17T06:00:00Z", true, film(1)));
        Reply once = first.send();
        assertThat(once.status()).isEqualTo(201);
        Reply again = api.post(base + "/screenings").as(ORGANISER).header("Idempotency-Key", "s1-once")
                .json(screening("s1", "hall", "2027-04-17T06:00:00Z", true, film(1))).send();
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.ledgerPosition()).isEqualTo(once.ledgerPosition());
        assertThat(again.body()).isEqualTo(once.body());
    }
}
