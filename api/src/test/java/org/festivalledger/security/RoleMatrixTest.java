package org.festivalledger.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Api;
import org.festivalledger.Judging;
import org.festivalledger.JurorPageSignIn;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint × every kind of caller. A caller the matrix admits must get past authorisation (any
 * answer but 401 or 403: mutating calls use unknown ids or empty bodies, so nothing is recorded); a
 * caller it does not admit gets 401 when anonymous and 403 otherwise.
 */
class RoleMatrixTest extends LedgerTestApplication {

    enum Caller { ANONYMOUS, ORGANISER, AUDITOR, JUROR, JUROR_OF_ANOTHER_COMPETITION, ENTRANT }

    private static final Set<Caller> ORG = EnumSet.of(Caller.ORGANISER);
    private static final Set<Caller> ORG_AUD = EnumSet.of(Caller.ORGANISER, Caller.AUDITOR);
    private static final Set<Caller> SIGNED_IN = EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS));
    private static final Set<Caller> EVERYONE = EnumSet.allOf(Caller.class);

    record Endpoint(String method, String path, String body, Set<Caller> admitted) {
    }

    private static final Set<Caller> ENT = EnumSet.of(Caller.ENTRANT);

    @org.springframework.beans.factory.annotation.Autowired
    org.festivalledger.entrant.EntrantDirectory entrants;

    @org.springframework.beans.factory.annotation.Autowired
    org.festivalledger.entrant.EntrantSignInLinks entrantLinks;

    private static org.festivalledger.EntrantApiSignIn.SignedIn entrant;
    private static Judging judging;
    private static Judging other;
    private static long organisersEvent;

    @BeforeEach
    void competitions() {
        if (judging == null) {
            judging = Judging.with(api, "matrix-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
            judging.openRound("preliminary", 1, "MEAN", 1);
            other = Judging.with(api, "matrix-other-" + UUID.randomUUID().toString().substring(0, 6), 1, 1);
            organisersEvent = ledger.head().position(); // the organiser appointed the other competition's juror
            entrant = org.festivalledger.EntrantApiSignIn.signIn(api, entrants, entrantLinks,
                    "matrix-" + UUID.randomUUID() + "@example.org");
        }
    }

    private List<Endpoint> endpoints() {
        String c = "/api/competitions/" + judging.competition;
        String round = c + "/rounds/preliminary";
        String nowhere = c + "/rounds/no-such-round";
        List<Endpoint> all = new ArrayList<>();
        all.add(new Endpoint("POST", "/api/competitions", "{}", ORG));
        all.add(new Endpoint("GET", "/api/competitions", null, SIGNED_IN));
        all.add(new Endpoint("GET", c, null, SIGNED_IN));
        all.add(new Endpoint("POST", c + "/submissions", "{}", ORG));
        all.add(new Endpoint("POST", c + "/submissions/import", "", ORG));
        all.add(new Endpoint("GET", c + "/submissions", null, ORG_AUD));
        all.add(new Endpoint("GET", c + "/submissions/" + judging.entries.get(0), null, ORG_AUD));
        all.add(new Endpoint("POST", c + "/submissions/no-such-entry/withdrawal", "{\"reason\":\"x\"}", ORG));
        all.add(new Endpoint("POST", c + "/submissions/no-such-entry/ineligibility", "{\"reason\":\"x\"}", ORG));
        all.add(new Endpoint("POST", c + "/jurors", "{}", ORG));
        all.add(new Endpoint("GET", c + "/jurors", null, ORG_AUD));
        // Juror access: an unknown juror's (404) and a revocation without a reason (400) record nothing.
        all.add(new Endpoint("POST", c + "/jurors/no-such-juror/access", null, ORG));
        all.add(new Endpoint("POST", c + "/jurors/juror-1/access/revocation", "{}", ORG));
        all.add(new Endpoint("POST", c + "/jurors/juror-1/conflicts", "{}", EnumSet.of(Caller.ORGANISER, Caller.JUROR)));
        all.add(new Endpoint("POST", c + "/rounds", "{}", ORG));
        all.add(new Endpoint("GET", c + "/rounds", null, ORG_AUD));
        all.add(new Endpoint("GET", round, null, ORG_AUD));
        all.add(new Endpoint("POST", nowhere + "/assignments", "{\"mode\":\"AUTO\"}", ORG));
        all.add(new Endpoint("GET", round + "/assignments", null, ORG_AUD));
        all.add(new Endpoint("GET", round + "/assignments/mine", null, EnumSet.of(Caller.JUROR)));
        all.add(new Endpoint("POST", nowhere + "/scores", "{}", EnumSet.of(Caller.JUROR)));
        all.add(new Endpoint("POST", nowhere + "/close", null, ORG));
        all.add(new Endpoint("GET", round + "/standings", null, ORG_AUD));
        all.add(new Endpoint("GET", round + "/standings/stream", null, ORG));
        all.add(new Endpoint("POST", round + "/shortlist", "{}", ORG));
        all.add(new Endpoint("GET", round + "/shortlist", null, ORG_AUD));
        all.add(new Endpoint("POST", c + "/awards", "{}", ORG));
        all.add(new Endpoint("GET", c + "/awards", null, ORG_AUD));
        all.add(new Endpoint("POST", c + "/awards/no-such-award/revocation", "{\"reason\":\"x\"}", ORG));
        all.add(new Endpoint("POST", "/api/competitions/no-such-competition/publication", null, ORG));
        all.add(new Endpoint("GET", "/api/public/competitions/" + judging.competition + "/results", null, EVERYONE));
        // Anyone may ask for an entrant's sign-in link: an empty body is refused (400) and nothing is sent or recorded.
        all.add(new Endpoint("POST", "/api/entrants/sign-in-links", "{}", EVERYONE));
        all.add(new Endpoint("POST", "/api/entrants/sessions", "{}", EVERYONE));
        // An entrant's own entries: an empty entry (400) and unknown ids (404) record nothing.
        all.add(new Endpoint("POST", c + "/entries", "{}", ENT));
        all.add(new Endpoint("POST", c + "/entries/no-such-entry/amendment", "{\"title\":\"x\"}", ENT));
        all.add(new Endpoint("POST", c + "/entries/no-such-entry/withdrawal", "{\"reason\":\"x\"}", ENT));
        all.add(new Endpoint("GET", "/api/entrants/me/entries", null, ENT));
        all.add(new Endpoint("GET", c + "/submissions/" + judging.entries.get(0) + "/notifications", null, ORG));
        all.add(new Endpoint("POST", "/api/notifications/no-such-notification/resend", null, ORG));
        // The programme: empty bodies and unknown ids, so an admitted caller is refused and nothing is recorded.
        all.add(new Endpoint("POST", c + "/venues", "{}", ORG));
        all.add(new Endpoint("GET", c + "/venues", null, ORG_AUD));
        all.add(new Endpoint("GET", c + "/venues/no-such-venue", null, ORG_AUD));
        all.add(new Endpoint("POST", c + "/screenings", "{}", ORG));
        all.add(new Endpoint("GET", c + "/screenings/no-such-screening", null, ORG_AUD));
        all.add(new Endpoint("POST", c + "/screenings/no-such-screening/reschedule", "{}", ORG));
        all.add(new Endpoint("POST", c + "/screenings/no-such-screening/cancellation", "{\"reason\":\"x\"}", ORG));
        all.add(new Endpoint("POST", c + "/forum-sessions", "{}", ORG));
        all.add(new Endpoint("GET", c + "/forum-sessions/no-such-session", null, ORG_AUD));
        all.add(new Endpoint("POST", c + "/forum-sessions/no-such-session/reschedule", "{}", ORG));
        all.add(new Endpoint("POST", c + "/forum-sessions/no-such-session/cancellation", "{\"reason\":\"x\"}", ORG));
        all.add(new Endpoint("GET", c + "/schedule", null, ORG_AUD));
        all.add(new Endpoint("GET", "/api/public/competitions/" + judging.competition + "/schedule", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/public/competitions/" + judging.competition + "/schedule.ics", null,
                EVERYONE));
        all.add(new Endpoint("GET", "/api/audit/export", null, EnumSet.of(Caller.AUDITOR)));
        all.add(new Endpoint("GET", "/api/audit/head", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/audit/verification", null, EnumSet.of(Caller.AUDITOR)));
        // The transparency log: proofs are public; a receipt is for the event's actor (here the organiser) or an auditor.
        all.add(new Endpoint("GET", "/api/public/log/key", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/public/log/checkpoint", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/public/log/checkpoints", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/public/log/proof/inclusion?position=1&treeSize=1", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/public/log/proof/consistency?from=1&to=1", null, EVERYONE));
        all.add(new Endpoint("GET", "/api/receipts/" + organisersEvent, null, ORG_AUD));
        all.add(new Endpoint("GET", "/api/audit/events?limit=1", null, EnumSet.of(Caller.AUDITOR)));
        all.add(new Endpoint("GET", "/api/audit/entities/" + judging.entries.get(0) + "/history", null,
                EnumSet.of(Caller.AUDITOR)));
        all.add(new Endpoint("GET", "/api/audit" + round.substring(4) + "/calibration", null, EnumSet.of(Caller.AUDITOR)));
        all.add(new Endpoint("POST", "/api/audit/rebuild-check", null, ORG_AUD));
        // Operations: health for load balancers, metrics for the auditor, the API description for anyone.
        all.add(new Endpoint("GET", "/actuator/health", null, EVERYONE));
        all.add(new Endpoint("GET", "/actuator/health/liveness", null, EVERYONE));
        all.add(new Endpoint("GET", "/actuator/health/readiness", null, EVERYONE));
        all.add(new Endpoint("GET", "/actuator/prometheus", null, EnumSet.of(Caller.AUDITOR)));
        all.add(new Endpoint("GET", "/v3/api-docs", null, EVERYONE));
        String audit = "/api/audit/competitions/" + judging.competition;
        all.add(new Endpoint("GET", audit + "/rounds/preliminary/standings.csv", null, ORG_AUD));
        all.add(new Endpoint("GET", audit + "/shortlists.csv", null, EnumSet.of(Caller.AUDITOR)));
        all.add(new Endpoint("GET", audit + "/awards.csv", null, EnumSet.of(Caller.AUDITOR)));
        all.add(new Endpoint("GET", audit + "/jury-report.pdf", null, EnumSet.of(Caller.AUDITOR)));
        // Last of all (the entrant is the last caller): it erases the matrix's entrant, whose token then stops working.
        all.add(new Endpoint("POST", "/api/entrants/me/erasure", null, ENT));
        return all;
    }

    @Test
    void everyEndpointAdmitsExactlyItsRoles() throws Exception {
        long before = ledger.head().position();
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                int status = call(endpoint, caller);
                boolean admitted = endpoint.admitted().contains(caller);
                int expectedDenial = caller == Caller.ANONYMOUS ? 401 : 403;
                if (admitted ? status == 401 || status == 403 : status != expectedDenial) {
                    wrong.add(endpoint.method() + " " + endpoint.path() + " as " + caller + ": " + status
                            + (admitted ? " (should be admitted)" : " (expected " + expectedDenial + ")"));
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(ledger.head().position()).as("nothing was recorded").isEqualTo(before);
    }

    /**
     * The API description tells the same roles as the matrix (which the test above checks against the server): each
     * API endpoint of the matrix against the {@code x-roles} of the operation it calls.
     */
    @Test
    void theApiDescriptionNamesTheRolesTheServerAdmits() {
        JsonNode paths = api.get("/v3/api-docs").send().json().get("paths");
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            String path = endpoint.path().replaceAll("\\?.*", "");
            if (!path.startsWith("/api/")) {
                continue;
            }
            JsonNode operation = operation(paths, endpoint.method(), path);
            if (operation == null) {
                wrong.add(endpoint.method() + " " + path + ": not described");
                continue;
            }
            Set<Caller> described = EnumSet.noneOf(Caller.class);
            operation.get("x-roles").forEach(role -> described.addAll(switch (role.asText()) {
                case "anyone" -> EVERYONE;
                case "signed-in" -> SIGNED_IN;
                case "organiser" -> ORG;
                case "auditor" -> EnumSet.of(Caller.AUDITOR);
                case "juror" -> EnumSet.of(Caller.JUROR);
                case "entrant" -> ENT;
                // The matrix asks for the receipt of an event the organiser caused: its actor is the organiser.
                case "actor" -> ORG;
                default -> throw new AssertionError("unknown role " + role);
            }));
            if (!described.equals(endpoint.admitted())) {
                wrong.add(endpoint.method() + " " + path + ": described " + described + ", admitted "
                        + endpoint.admitted());
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** The described operation a concrete path calls: the matching template with the fewest variables. */
    private static JsonNode operation(JsonNode paths, String method, String path) {
        JsonNode best = null;
        int fewest = Integer.MAX_VALUE;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> template = it.next();
            String regex = Arrays.stream(template.getKey().split("/", -1))
                    .map(segment -> segment.equals("**") ? ".*" : segment.matches("\\{[^}]+}") ? "[^/]+"
                            : Pattern.quote(segment))
                    .collect(Collectors.joining("/"));
            int variables = template.getKey().split("\\{", -1).length - 1 + (template.getKey().contains("**") ? 10 : 0);
            JsonNode operation = template.getValue().get(method.toLowerCase());
            if (operation != null && path.matches(regex) && variables < fewest) {
                best = operation;
                fewest = variables;
            }
        }
        return best;
    }

    /**
     * The auditor's pages: the auditor reads them; the organiser and a juror, signed in to their own pages, are
     * refused; an anonymous visitor is sent to the auditor's sign-in. Nothing but GET is admitted there.
     */
    @Test
    void theAuditorsPagesAdmitOnlyTheAuditor() throws Exception {
        String c = "/auditor/competitions/" + judging.competition;
        List<String> pages = List.of("/auditor", "/auditor/trail", "/auditor/trail?entity=" + judging.entries.get(0),
                "/auditor/history?entity=" + judging.entries.get(0), "/auditor/verification",
                "/auditor/rebuild-check", c,
                c + "/decisions", c + "/rounds/preliminary/standings", c + "/rounds/preliminary/pictures",
                c + "/rounds/preliminary/standings.csv", c + "/shortlists.csv", c + "/awards.csv",
                c + "/jury-report.pdf", "/auditor/ledger.jsonl");
        OrganiserSession auditor = OrganiserSession.signIn(port, "/auditor/login", "auditor", "auditor-demo");
        OrganiserSession organiser = OrganiserSession.signIn(port);
        HttpClient juror = JurorPageSignIn.session(port, judging.jurorLinks.get("juror-1"));
        HttpClient anonymous = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        long before = ledger.head().position();
        List<String> wrong = new ArrayList<>();
        for (String page : pages) {
            int asAuditor = auditor.get(page).statusCode();
            int asOrganiser = organiser.get(page).statusCode();
            int asJuror = juror.send(HttpRequest.newBuilder(URI.create(base() + page)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            HttpResponse<Void> stranger = anonymous.send(HttpRequest.newBuilder(URI.create(base() + page)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (asAuditor != 200) {
                wrong.add(page + " as the auditor: " + asAuditor);
            }
            if (asOrganiser != 403 || asJuror != 403) {
                wrong.add(page + " as the organiser: " + asOrganiser + ", as a juror: " + asJuror + " (expected 403)");
            }
            if (stranger.statusCode() != 302
                    || !stranger.headers().firstValue("Location").orElse("").endsWith("/auditor/login")) {
                wrong.add(page + " anonymous: " + stranger.statusCode() + " " + stranger.headers().map());
            }
        }
        int posted = auditor.submit("/auditor/login", "/auditor/trail", java.util.Map.of("entity", "x")).statusCode();
        assertThat(wrong).isEmpty();
        assertThat(posted).as("a POST under /auditor, even with the session's CSRF token").isEqualTo(403);
        assertThat(ledger.head().position()).as("nothing was recorded").isEqualTo(before);
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private int call(Endpoint endpoint, Caller caller) throws Exception {
        if (endpoint.path().endsWith("/stream")) {
            return streamStatus(endpoint, caller);
        }
        Api.Call call = api.call(endpoint.method(), endpoint.path());
        if (endpoint.body() != null) {
            call.body(endpoint.body()).contentType(endpoint.path().endsWith("/import") ? "text/csv" : "application/json");
        }
        authenticate(call, caller);
        Reply reply = call.send();
        return reply.status();
    }

    private void authenticate(Api.Call call, Caller caller) {
        switch (caller) {
            case ORGANISER -> call.as(Api.ORGANISER);
            case AUDITOR -> call.as(Api.AUDITOR);
            case JUROR -> judging.asJuror(call, "juror-1");
            case JUROR_OF_ANOTHER_COMPETITION -> other.asJuror(call, "juror-1");
            case ENTRANT -> entrant.as(call);
            case ANONYMOUS -> { }
        }
    }

    /** The stream never ends by itself: read only its status line, then drop it. */
    private int streamStatus(Endpoint endpoint, Caller caller) throws Exception {
        Api.Call probe = api.get(endpoint.path());
        authenticate(probe, caller);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                .timeout(Duration.ofSeconds(10));
        probe.headers().forEach(request::header);
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofInputStream()).get(10, TimeUnit.SECONDS);
        response.body().close();
        return response.statusCode();
    }
}
