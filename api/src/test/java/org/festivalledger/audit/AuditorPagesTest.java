package org.festivalledger.audit;

import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditor's pages without a browser: the trail pages by position through a long filtered list without losing or
 * repeating an event; what an auditor types wrong is answered on the page with a 4xx, never a 500.
 */
class AuditorPagesTest extends LedgerTestApplication {

    private static final Pattern EVENT = Pattern.compile("data-position=\"(\\d+)\"");
    private static final Pattern NEXT = Pattern.compile("class=\"next-page\" href=\"([^\"]+)\"");

    @Test
    void theTrailPagesThroughEveryEventOfAnEntityOnceInOrder() {
        long before = ledger.head().position();
        Judging.with(api, "trail-" + UUID.randomUUID().toString().substring(0, 6), 60, 2);
        OrganiserSession auditor = OrganiserSession.signIn(port, "/auditor/login", "auditor", "auditor-demo");
        List<Long> seen = new ArrayList<>();
        String filter = "type=SubmissionReceived&actor=organiser";
        String page = "/auditor/trail?" + filter + "&from=" + (before + 1);
        int pages = 0;
        while (page != null) {
            HttpResponse<String> answer = auditor.get(page);
            assertThat(answer.statusCode()).isEqualTo(200);
            Matcher events = EVENT.matcher(answer.body());
            while (events.find()) {
                seen.add(Long.parseLong(events.group(1)));
            }
            Matcher next = NEXT.matcher(answer.body());
            page = next.find() ? next.group(1).replace("&amp;", "&") : null;
            pages++;
        }
        // 60 entries received: two pages of at most 50, the same events as the API's trail gives.
        assertThat(pages).isEqualTo(2);
        assertThat(seen).hasSize(60).doesNotHaveDuplicates().isSorted();
        assertThat(api.get("/api/audit/events?limit=1000&" + filter + "&from=" + (before + 1))
                .as(org.festivalledger.Api.AUDITOR).send().json().get("events").findValuesAsText("position").stream()
                .map(Long::parseLong).toList()).isEqualTo(seen);
    }

    @Test
    void whatAnAuditorTypesWrongIsAnsweredOnThePage() {
        Judging judging = Judging.with(api, "typos-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        assertThat(judging.openRound("preliminary", 1, "MEAN", 1).status()).isEqualTo(201);
        OrganiserSession auditor = OrganiserSession.signIn(port, "/auditor/login", "auditor", "auditor-demo");
        String round = "/auditor/competitions/" + judging.competition + "/rounds/preliminary";
        expect(auditor, "/auditor/trail?from=abc", 400, "from must be a ledger position");
        expect(auditor, "/auditor/trail?from=0", 400, "from must be a ledger position");
        expect(auditor, "/auditor/trail?since=yesterday", 400, "since must be an ISO-8601 instant");
        expect(auditor, "/auditor/history?entity=nothing-of-the-sort", 404, "Nothing on the ledger names");
        expect(auditor, "/auditor/competitions/no-such-competition", 404, "Page not found");
        expect(auditor, "/auditor/competitions/no-such-competition/decisions", 404, "Page not found");
        expect(auditor, "/auditor/competitions/" + judging.competition + "/rounds/nowhere/standings", 404,
                "Page not found");
        expect(auditor, round + "/standings?position=-1", 400, "position must be a ledger position");
        expect(auditor, round + "/standings?position=1&asOf=2026-01-01T00:00:00Z", 400, "give asOf or position");
        expect(auditor, round + "/standings?compare=abc", 400, "compare must be a ledger position");
        expect(auditor, round + "/pictures?position=abc", 400, "position must be a ledger position");
        expect(auditor, "/auditor/competitions/" + judging.competition + "/rounds/nowhere/pictures", 404,
                "Page not found");
    }

    private static void expect(OrganiserSession auditor, String path, int status, String text) {
        HttpResponse<String> answer = auditor.get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(status);
        assertThat(answer.body()).as(path).contains(text);
    }
}
