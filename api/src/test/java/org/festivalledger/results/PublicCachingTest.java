package org.festivalledger.results;

import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/** What a reverse proxy needs to answer the ceremony's crowd: validators and a public Cache-Control, after publication only. */
class PublicCachingTest extends LedgerTestApplication {

    @Test
    void publishedResultsCarryValidatorsAndAnswerAMatchingConditionalRequestWithNotModified() {
        Judging judging = Judging.judgedAndClosed(api, "caching", new int[]{1, 2, 3, 4});
        String json = "/api/public/competitions/" + judging.competition + "/results";
        String page = "/competitions/" + judging.competition;

        Reply embargoed = api.get(json).send();
        assertThat(embargoed.status()).isEqualTo(404);
        assertThat(embargoed.header("Cache-Control")).as("a 404 under embargo is never cached").isEqualTo("no-store");
        Reply pageBefore = api.get(page).send();
        assertThat(pageBefore.status()).isEqualTo(200);

        assertThat(api.post("/api/competitions/" + judging.competition + "/rounds/preliminary/shortlist").as(ORGANISER)
                .json(Map.of("size", 2, "rationale", "the top two")).send().status()).isEqualTo(201);
        long published = api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send()
                .ledgerPosition();
        Reply results = api.get(json + "?minPosition=" + published).send();
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.header("Cache-Control")).startsWith("public, max-age=10");
        assertThat(results.header("ETag")).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(results.header("Last-Modified")).isNotBlank();
        assertThat(results.header("Pragma")).isNull();

        Reply again = api.get(json).header("If-None-Match", results.header("ETag")).send();
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        Reply since = api.get(json).header("If-Modified-Since", results.header("Last-Modified")).send();
        assertThat(since.status()).isEqualTo(304);

        Reply pageAfter = api.get(page).header("If-None-Match", pageBefore.header("ETag")).send();
        assertThat(pageAfter.status()).as("the page changed at publication: a new version, in full").isEqualTo(200);
        assertThat(pageAfter.header("ETag")).isNotEqualTo(pageBefore.header("ETag"));
        assertThat(pageAfter.header("Cache-Control")).startsWith("public");
        assertThat(api.get(page).header("If-None-Match", pageAfter.header("ETag")).send().status()).isEqualTo(304);

        // Drawn once per state of the views: the same bytes and headers again, security headers included.
        Reply again1 = api.get(page).send();
        Reply again2 = api.get(page).send();
        assertThat(again2.body()).isEqualTo(again1.body()).isEqualTo(pageAfter.body());
        assertThat(again2.header("ETag")).isEqualTo(pageAfter.header("ETag"));
        assertThat(again2.header("Content-Security-Policy")).isEqualTo(pageAfter.header("Content-Security-Policy"));
        assertThat(again2.header("Content-Type")).isEqualTo(pageAfter.header("Content-Type"));
        assertThat(again2.header("Content-Language")).isEqualTo(pageAfter.header("Content-Language"));
    }

    @Test
    void aPageKeptForOneLanguageIsNeverServedInAnother() {
        Judging judging = Judging.with(api, "caching-languages-" + java.util.UUID.randomUUID().toString().substring(0, 6), 2, 1);
        String page = "/competitions/" + judging.competition;
        for (int twice = 0; twice < 2; twice++) { // the second time from what this node kept
            Reply chinese = api.get(page).header("Accept-Language", "zh-CN,zh;q=0.9").send();
            Reply english = api.get(page).header("Accept-Language", "en-GB,en;q=0.9").send();
            Reply chosen = api.get(page).header("Accept-Language", "en").header("Cookie", "ledger-language=zh-CN").send();
            assertThat(chinese.body()).contains("lang=\"zh-CN\"").contains("评选结果");
            assertThat(english.body()).contains("lang=\"en\"").contains("have not been published");
            assertThat(chosen.body()).as("the switcher's choice wins over the browser's").contains("lang=\"zh-CN\"");
            assertThat(chinese.header("ETag")).isNotEqualTo(english.header("ETag"));
            for (Reply reply : java.util.List.of(chinese, english, chosen)) {
                assertThat(reply.header("Vary")).as("a cache in front keeps one copy per language")
                        .contains("Accept-Language").contains("Cookie");
            }
        }
        assertThat(String.valueOf(api.get("/api/public/competitions/" + judging.competition + "/schedule").send().header("Vary")))
                .as("the JSON API is the same in every language").doesNotContain("Accept-Language");
    }

    @Test
    void answersForSignedInUsersStayUncached() {
        Reply competitions = api.get("/api/competitions").as(ORGANISER).send();
        assertThat(competitions.status()).isEqualTo(200);
        assertThat(competitions.header("Cache-Control")).contains("no-store");
        assertThat(competitions.header("ETag")).isNull();
    }
}
