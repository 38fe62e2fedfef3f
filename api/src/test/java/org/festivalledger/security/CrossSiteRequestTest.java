package org.festivalledger.security;

import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * What a browser can be made to send to the API from another site (a form, with whatever credentials it holds)
 * is refused before anything is recorded; no answer invites a browser to cache Basic credentials; pages and API
 * answers carry a policy that keeps forms and base URLs to the site.
 */
class CrossSiteRequestTest extends LedgerTestApplication {

    private static final String CSV = "title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n"
            + "Forged Film,Mallory,FR,10,x,Sora,HYBRID\n";

    private long head() {
        return ledger.head().position();
    }

    @Test
    void commandsAFormOnAnotherSiteCouldSendAreRefusedWithAProblemAndRecordNothing() {
        Judging judging = Judging.with(api, "csrf-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        judging.openRound("preliminary", 1, "MEAN", 1);
        String c = "/api/competitions/" + judging.competition;
        long before = head();

        List<Reply> forged = List.of(
                api.post(c + "/publication").as(ORGANISER).contentType(null).send(),
                api.post(judging.path("preliminary") + "/close").as(ORGANISER).contentType(null).send(),
                api.post("/api/audit/rebuild-check").as(ORGANISER).contentType(null).send(),
                api.post(c + "/submissions/import").as(ORGANISER).contentType("text/plain").body(CSV).send(),
                api.post(c + "/jurors").as(ORGANISER).contentType("text/plain").body("{\"name\":\"Mallory\"}").send(),
                api.post(c + "/jurors").as(ORGANISER).contentType("application/x-www-form-urlencoded")
                        .body("name=Mallory").send(),
                api.post(c + "/jurors").as(ORGANISER).contentType("multipart/form-data; boundary=x")
                        .body("--x\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nMallory\r\n--x--\r\n").send());
        for (Reply reply : forged) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(415);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).contains("X-Requested-By");
        }
        assertThat(head()).as("nothing was recorded").isEqualTo(before);

        // The same commands from a client that says what it sends are carried out.
        Reply imported = api.post(c + "/submissions/import").as(ORGANISER).contentType("text/plain")
                .header("X-Requested-By", "festival-tool").body(CSV).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        Reply closed = api.post(judging.path("preliminary") + "/close").as(ORGANISER).contentType(null)
                .header("X-Requested-By", "festival-tool").send();
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(api.post("/api/audit/rebuild-check").as(ORGANISER).send().status())
                .as("bodiless, as application/json").isEqualTo(200);
    }

    @Test
    void aRefusedSignInNeverInvitesABrowserToCacheBasicCredentials() {
        Reply anonymous = api.get("/api/competitions").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("WWW-Authenticate")).doesNotContainIgnoringCase("basic").startsWith("Bearer");
        Reply wrongPassword = api.post("/api/competitions").as("organiser:wrong").json("{}").send();
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.header("WWW-Authenticate")).doesNotContainIgnoringCase("basic");

        Reply tool = api.get("/api/competitions").header("X-Requested-By", "festival-tool").send();
        assertThat(tool.header("WWW-Authenticate")).as("a client that is not a page may ask for Basic")
                .startsWith("Basic realm=");
    }

    @Test
    void pagesAndAnswersKeepFormsAndBaseUrlsToTheSiteAndSessionCookiesAreSameSite() {
        Reply page = api.get("/organiser/login").send();
        assertThat(page.header("Content-Security-Policy")).contains("form-action 'self'").contains("base-uri 'none'")
                .contains("frame-ancestors 'none'");
        assertThat(page.response().headers().allValues("Set-Cookie")).anySatisfy(cookie ->
                assertThat(cookie).startsWith("JSESSIONID=").containsIgnoringCase("SameSite=Lax").contains("HttpOnly"));
        Reply answer = api.get("/api/audit/head").send();
        assertThat(answer.header("Content-Security-Policy")).contains("form-action 'none'").contains("base-uri 'none'");
    }
}
