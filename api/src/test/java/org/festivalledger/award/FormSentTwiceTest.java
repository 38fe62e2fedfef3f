package org.festivalledger.award;

import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.http.FormOnce;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * A page's form carries its own idempotency key ({@link FormOnce}): sent twice (a double click, a reload of the
 * answer), it records once and both answers lead to the same place; changed under the same key, it is refused.
 */
class FormSentTwiceTest extends LedgerTestApplication {

    @Test
    void aFormSentTwiceRecordsOnce() {
        Judging judging = Judging.judgedAndClosed(api, "form-twice", new int[]{9, 8, 7});
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String page = "/organiser/competitions/" + judging.competition;
        Map<String, String> form = Map.of("categoryId", "best-film", "submissionId", judging.entries.get(0),
                "citation", "For a film that dreams", FormOnce.FIELD, UUID.randomUUID().toString());
        // The page is open before its form is sent twice, as in the browser. Without it, the two sends below would
        // each be the session's first page since sign-in, both drawing a new CSRF token concurrently: one of them
        // would then carry a token the session no longer holds, and get a 403 that no browser would see.
        organiser.get(page);

        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> organiser.submit(page, page + "/awards", form));
        HttpResponse<String> second = organiser.submit(page, page + "/awards", form);
        HttpResponse<String> third = organiser.submit(page, page + "/awards", form);

        assertThat(first.join().statusCode()).isIn(302, 303);
        assertThat(second.statusCode()).as(second.body()).isIn(302, 303);
        assertThat(third.headers().firstValue("Location")).isEqualTo(first.join().headers().firstValue("Location"));
        assertThat(api.get("/api/competitions/" + judging.competition + "/awards").as(ORGANISER).send().json())
                .hasSize(1);
    }

    @Test
    void aFormChangedUnderTheSameKeyIsRefused() {
        Judging judging = Judging.judgedAndClosed(api, "form-changed", new int[]{9, 8, 7});
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String page = "/organiser/competitions/" + judging.competition;
        String key = UUID.randomUUID().toString();
        organiser.submit(page, page + "/awards", Map.of("categoryId", "best-film",
                "submissionId", judging.entries.get(0), "citation", "First", FormOnce.FIELD, key));

        HttpResponse<String> changed = organiser.submit(page, page + "/awards", Map.of("categoryId", "best-film",
                "submissionId", judging.entries.get(1), "citation", "Second", FormOnce.FIELD, key));

        assertThat(changed.statusCode()).isEqualTo(422);
        assertThat(api.get("/api/competitions/" + judging.competition + "/awards").as(ORGANISER).send().json())
                .hasSize(1);
    }

    @Test
    void everyFormOfAPageCarriesAKeyOfItsOwn() {
        Judging judging = Judging.judgedAndClosed(api, "form-keys", new int[]{9, 8, 7});
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String page = organiser.get("/organiser/competitions/" + judging.competition + "/jurors").body();

        List<String> keys = Pattern.compile("name=\"" + FormOnce.FIELD + "\"\\s+value=\"([^\"]+)\"")
                .matcher(page).results().map(found -> found.group(1)).toList();

        assertThat(keys).as("the appointment's, the conflict's and each juror's forms, in %s", page).hasSizeGreaterThan(2)
                .doesNotHaveDuplicates();
    }
}
