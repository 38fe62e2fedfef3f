package org.festivalledger.language;

import org.festivalledger.EntrantPageSignIn;
import org.festivalledger.Judging;
import org.festivalledger.JurorPageSignIn;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.PageShape;
import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantSignInLinks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check "the English and Chinese page of each kind differ only in text": every kind of public, juror,
 * sign-in, organiser, entrant, auditor and error page is fetched in English and then in Chinese by the same visitor (the switcher's
 * cookie), from the same data, and the two reduce to the same {@link PageShape}; the Chinese one says
 * {@code lang="zh-CN"} and has Chinese in it.
 */
class SameShapeTest extends LedgerTestApplication {

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

    private Judging published;
    private Judging judging;
    private long revision;

    @BeforeEach
    void festival() {
        PagesFestival festival = PagesFestival.build(api);
        published = festival.published();
        judging = festival.judging();
        revision = festival.revision();
    }

    @Test
    void publicAndSignInPagesDifferOnlyInText() {
        Visitor anyone = new Visitor(port);
        String competition = "/competitions/" + published.competition;
        anyone.sameShape("/", 200);
        anyone.sameShape(competition, 200);
        assertThat(anyone.chinese(competition)).contains("评选结果").contains("入围名单").contains("奖项");
        anyone.sameShape("/competitions/" + judging.competition, 200); // under embargo, with no programme
        anyone.sameShape("/competitions/no-such-competition", 404);
        anyone.sameShape("/no-such-page", 404);
        anyone.sameShape("/organiser/login", 200);
        anyone.sameShape("/organiser/login?failed", 200);
        anyone.sameShape("/auditor/login", 200);
        anyone.sameShape("/auditor/login?failed", 200);
        anyone.sameShape("/juror/sign-in", 200);
        anyone.sameShape(URI.create(judging.jurorLinks.get("juror-1")).getRawPath() + "?"
                + URI.create(judging.jurorLinks.get("juror-1")).getRawQuery(), 200);
    }

    @Test
    void jurorPagesDifferOnlyInText() {
        Visitor juror = new Visitor(port, JurorPageSignIn.session(port, judging.jurorLinks.get("juror-1")));
        juror.sameShape("/juror", 200);
        assertThat(juror.chinese("/juror")).contains("我的待评作品");
        String entry = "/juror/rounds/preliminary/entries/" + judging.entries.get(0);
        juror.sameShape(entry, 200);
        assertThat(juror.chinese(entry)).contains("修改评分").contains("利益冲突");
        juror.sameShape("/juror/rounds/preliminary/entries/not-on-the-list", 404);
    }

    @Test
    void auditorPagesDifferOnlyInText() {
        OrganiserSession session = OrganiserSession.signIn(port, "/auditor/login", "auditor", "auditor-demo");
        Visitor auditor = new Visitor(port, session::get);
        String competition = "/auditor/competitions/" + published.competition;
        String open = "/auditor/competitions/" + judging.competition;
        String entry = judging.entries.get(0);
        auditor.sameShape("/auditor", 200);
        auditor.sameShape("/auditor/trail?entity=" + entry, 200);
        auditor.sameShape("/auditor/trail?from=abc", 400);
        auditor.sameShape("/auditor/history?entity=" + entry, 200);
        assertThat(auditor.chinese("/auditor/history?entity=" + entry)).contains("修改前")
                .contains("修改了对参赛作品 " + entry + " 的评分");
        auditor.sameShape("/auditor/history?entity=nothing-of-the-sort", 404);
        auditor.sameShape(competition, 200);
        auditor.sameShape(competition + "/decisions", 200);
        auditor.sameShape(competition + "/rounds/preliminary/standings", 200);
        auditor.sameShape(open + "/rounds/preliminary/standings?position=" + revision + "&compare=" + (revision - 1), 200);
        auditor.sameShape(competition + "/rounds/preliminary/pictures", 200);
        auditor.sameShape(competition + "/rounds/preliminary/pictures?position=abc", 400);
        auditor.sameShape("/auditor/verification", 200);
        auditor.sameShape("/auditor/rebuild-check", 200);
        assertThat(auditor.chinese("/auditor/verification")).contains("全部核验通过");
    }

    @Test
    void organiserPagesDifferOnlyInText() {
        String screening = judging.publicScreening("Huairou Cinema Hall 2", "2027-04-18T06:00:00Z",
                List.of(judging.entries.get(1)), "Shortlist programme 2").json().get("id").asText();
        Visitor organiser = new Visitor(port, OrganiserSession.signIn(port)::get);
        String done = "/organiser/competitions/" + published.competition;
        String open = "/organiser/competitions/" + judging.competition;
        organiser.sameShape("/organiser", 200);
        organiser.sameShape("/organiser/competitions/new", 200);
        organiser.sameShape(done, 200);
        organiser.sameShape(open, 200);
        organiser.sameShape(done + "/entries", 200);
        organiser.sameShape(done + "/entries?q=film&status=RECEIVED", 200);
        organiser.sameShape(done + "/entries/" + published.entries.get(0), 200);
        organiser.sameShape(done + "/entries/new", 200);
        organiser.sameShape(done + "/entries/import", 200);
        organiser.sameShape(open + "/jurors", 200);
        organiser.sameShape(open + "/rounds", 200);
        organiser.sameShape(open + "/rounds/new", 200);
        organiser.sameShape(done + "/rounds/preliminary", 200);
        organiser.sameShape(open + "/rounds/preliminary", 200);
        organiser.sameShape(open + "/rounds/preliminary/assignments/automatic", 200);
        organiser.sameShape(open + "/programme", 200);
        organiser.sameShape(open + "/programme/venues/new", 200);
        organiser.sameShape(open + "/programme/screenings/new", 200);
        organiser.sameShape(open + "/programme/screenings/" + screening, 200);
        organiser.sameShape(open + "/programme/forum-sessions/new", 200);
        organiser.sameShape(open + "/schedule", 200);
        organiser.sameShape("/organiser/competitions/no-such-competition", 404);
        assertThat(organiser.chinese(open + "/jurors")).contains("评委");
    }

    @Test
    void entrantPagesDifferOnlyInText() {
        Visitor entrant = new Visitor(port, EntrantPageSignIn.signIn(port, directory, links,
                "shape-" + UUID.randomUUID() + "@example.org")::get);
        entrant.sameShape("/entrant", 200);
        entrant.sameShape("/entrant/competitions/" + judging.competition + "/entries/new", 200);
        assertThat(entrant.chinese("/entrant")).contains("参赛");
    }

    /** One visitor (one cookie jar): the language chosen with the switcher, as a person would. */
    private static final class Visitor {

        private final Function<String, HttpResponse<String>> get;

        Visitor(int port) {
            this(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build());
        }

        Visitor(int port, HttpClient client) {
            this(port, path -> {
                try {
                    return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                    .header("Accept", "text/html,application/xhtml+xml").build(),
                            HttpResponse.BodyHandlers.ofString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            });
        }

        Visitor(int port, Function<String, HttpResponse<String>> get) {
            this.get = get;
        }

        void sameShape(String path, int status) {
            HttpResponse<String> english = settled(path, "en");
            HttpResponse<String> chinese = settled(path, "zh-CN");
            assertThat(english.statusCode()).as(path).isEqualTo(status);
            assertThat(chinese.statusCode()).as(path).isEqualTo(status);
            assertThat(english.body()).as(path).contains("<html lang=\"en\"");
            assertThat(chinese.body()).as(path).contains("<html lang=\"zh-CN\"");
            assertThat(PageShape.hasHan(chinese.body())).as(path + " in Chinese").isTrue();
            assertThat(PageShape.of(chinese.body())).as("the shape of " + path + " in Chinese and in English")
                    .isEqualTo(PageShape.of(english.body()));
        }

        String chinese(String path) {
            return settled(path, "zh-CN").body();
        }

        /**
         * The page in a language, once its long work (the verifier's first reading) is done: a page showing its
         * progress has another shape than the verdict, whatever the language.
         */
        private HttpResponse<String> settled(String path, String language) {
            HttpResponse<String> chose = get.apply("/language?lang=" + language + "&back=/");
            assertThat(chose.statusCode()).isEqualTo(302);
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            HttpResponse<String> page = get.apply(path);
            while (page.body().contains("id=\"progress\"") && Instant.now().isBefore(deadline)) {
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                page = get.apply(path);
            }
            return page;
        }
    }
}
