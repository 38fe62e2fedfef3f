package org.festivalledger.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.RawHttp;
import org.festivalledger.RawHttp.Answer;
import org.festivalledger.http.HostileRequests.Caller;
import org.festivalledger.http.HostileRequests.Hostile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * Hundreds of malformed and hostile requests across every endpoint ({@link HostileRequests}): broken and
 * oversized bodies, deep nesting, unknown fields, wrong types, text that is too long or not text at all, ids of
 * another competition, wrong roles, forged credentials, path tricks, absurd query parameters and requests that are
 * not well-formed HTTP. Every one is refused with a 4xx RFC 9457 problem, whichever layer refuses it (Tomcat, the
 * security firewall, a filter, Spring MVC or the domain), and the ledger records nothing.
 */
class HostileRequestCorpusTest extends LedgerTestApplication {

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndRecordsNothing() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Judging a = Judging.with(api, "hostile-" + suffix, 3, 2);
        assertThat(a.openRound("preliminary", 2, "MEAN", 1).status()).isEqualTo(201);
        assertThat(a.autoAssign("preliminary").status()).isEqualTo(200);
        programme(a.competition, a.entries.get(0));
        Judging b = Judging.with(api, "hostile-other-" + suffix, 1, 1);

        Map<Caller, String> authorization = new EnumMap<>(Caller.class);
        authorization.put(Caller.ORGANISER, basic(ORGANISER));
        authorization.put(Caller.AUDITOR, basic(Api.AUDITOR));
        authorization.put(Caller.JUROR, "Bearer " + a.jurorTokens.get("juror-1"));
        authorization.put(Caller.JUROR_OF_B, "Bearer " + b.jurorTokens.get("juror-1"));
        List<Hostile> corpus = new HostileRequests(a.competition, b.competition, a.entries.get(0), b.entries.get(0),
                authorization).all();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(200);
        long head = ledger.head().position();

        RawHttp http = new RawHttp(port);
        List<String> wrong = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Hostile request : corpus) {
            Answer answer = request.target() == null ? http.send(request.body(), new byte[0])
                    : http.send(request.method(), request.target(), request.headers(), request.body());
            statuses.merge(answer.status(), 1, Integer::sum);
            String problem = problemWith(answer);
            if (problem != null) {
                wrong.add(request.what() + " → " + problem + ": " + answer);
            }
        }

        assertThat(wrong).as("of %d hostile requests (answered %s)", corpus.size(), statuses).isEmpty();
        assertThat(ledger.head().position()).as("nothing was recorded").isEqualTo(head);
    }

    /**
     * A page of the trail from past its end is empty, however far past (a poller asks for head + 1), and a number
     * beyond an int does not wrap around to the start of the log (it did: 500, or the first events again).
     */
    @Test
    void pagingPastTheEndOfTheTrailFindsNothingWhateverTheNumber() {
        for (String from : List.of(Long.toString(ledger.head().position() + 1), "4294967297", "2147483648",
                Long.toString(Long.MAX_VALUE))) {
            Api.Reply page = api.get("/api/audit/events?limit=5&from=" + from).as(Api.AUDITOR).send();
            assertThat(page.status()).as("from=" + from).isEqualTo(200);
            assertThat(page.json().get("events")).as("from=" + from).isEmpty();
        }
    }

    /** What is wrong with an answer to a hostile request, or {@code null} if it is a proper 4xx problem. */
    private static String problemWith(Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "not a 4xx";
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not application/problem+json";
        }
        JsonNode problem = answer.json();
        if (problem == null || problem.path("status").asInt() != answer.status() || !problem.path("title").isTextual()
                || !problem.path("type").asText().startsWith("https://festival-ledger.org/problems/")) {
            return "not an RFC 9457 problem with our type, title and status";
        }
        return null;
    }

    /** A venue {@code hall}, a screening {@code show-1} of {@code entry} and a forum session {@code talk-1}. */
    private void programme(String competition, String entry) {
        String c = "/api/competitions/" + competition;
        assertThat(api.post(c + "/venues").as(ORGANISER).json(Map.of("id", "hall", "name", "Hall", "capacity", 200,
                "changeoverMinutes", 15)).send().status()).isEqualTo(201);
        assertThat(api.post(c + "/screenings").as(ORGANISER).json(Map.of("id", "show-1", "venueId", "hall",
                "startsAt", "2027-04-17T10:00:00Z", "submissionIds", List.of(entry), "title", "Shorts 1")).send()
                .status()).isEqualTo(201);
        assertThat(api.post(c + "/forum-sessions").as(ORGANISER).json(Map.of("id", "talk-1", "title", "AI and the edit",
                "speakers", List.of("Lin Yue"), "venueId", "hall", "startsAt", "2027-04-18T12:00:00Z",
                "endsAt", "2027-04-18T13:00:00Z")).send().status()).isEqualTo(201);
    }

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
