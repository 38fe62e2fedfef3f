package org.festivalledger.jury;

import org.festivalledger.Api.Reply;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The juror's and the organiser's pages in real headless Chromium, side by side: a juror signs in by link,
 * scores, is told off for an out-of-range mark (what they typed kept), revises with a reason; meanwhile the
 * organiser's standings page, never reloaded, shows the new score. A conflicted entry is never on the juror's
 * list, and a form posted without its CSRF token is refused.
 */
class JudgingPagesBrowserTest extends LedgerTestApplication {

    private static ChromeDriver juror;
    private static ChromeDriver organiser;

    @BeforeAll
    static void startBrowsers() {
        juror = HeadlessChromium.start();
        organiser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowsers() {
        if (juror != null) {
            juror.quit();
        }
        if (organiser != null) {
            organiser.quit();
        }
    }

    @Test
    void aJurorScoresAndRevisesWhileTheOrganisersStandingsFollowLive() throws Exception {
        Judging judging = Judging.with(api, "pages-" + java.util.UUID.randomUUID().toString().substring(0, 6), 4, 3);
        String competition = judging.competition;
        assertThat(judging.openRound("preliminary", 3, "MEAN", 2).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        Reply conflict = api.post("/api/competitions/" + competition + "/jurors/juror-2/conflicts").as(ORGANISER)
                .json(Map.of("submissionId", judging.entries.get(0), "reason", "edited the film")).send();
        assertThat(conflict.status()).as(conflict.toString()).isEqualTo(201);
        api.get("/api/competitions/" + competition + "/rounds?minPosition=" + conflict.ledgerPosition())
                .as(ORGANISER).send();

        // The organiser signs in and opens the round's standings.
        String roundPage = url("/organiser/competitions/" + competition + "/rounds/preliminary");
        organiser.manage().deleteAllCookies();
        organiser.manage().window().setSize(new Dimension(1280, 900));
        organiser.get(roundPage);
        assertThat(organiser.getCurrentUrl()).contains("/organiser/login");
        organiser.findElement(By.id("username")).sendKeys("organiser");
        organiser.findElement(By.id("password")).sendKeys("organiser-demo");
        submit(organiser, "form button[type=submit]");
        new WebDriverWait(organiser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().startsWith(roundPage));
        assertThat(organiser.findElement(By.tagName("h1")).getText()).isEqualTo("preliminary");
        assertThat(organiser.findElement(By.id("coverage")).getText()).isEqualTo("0 of 4 complete");
        assertThat(countOf(judging.entries.get(1))).isEqualTo("0");
        HeadlessChromium.screenshot(organiser, "organiser-standings-before");

        // The juror opens their link: a page that changes nothing until its button posts the link's credential;
        // then the credential does not stay in the address bar.
        juror.manage().window().setSize(new Dimension(390, 844));
        juror.manage().deleteAllCookies();
        String link = judging.jurorLinks.get("juror-2");
        assertThat(link).startsWith(url("/juror/sign-in?link=jl_")).doesNotContain(judging.jurorTokens.get("juror-2"));
        juror.get(link);
        HeadlessChromium.screenshot(juror, "juror-sign-in");
        submit(juror, "form.sign-in button");
        assertThat(juror.getCurrentUrl()).endsWith("/juror").doesNotContain("link");
        List<String> listed = juror.findElements(By.cssSelector("tr[data-entry]")).stream()
                .map(row -> row.getAttribute("data-entry")).toList();
        assertThat(listed).as("never the conflicted entry").hasSize(3).doesNotContain(judging.entries.get(0));
        assertThat(juror.findElement(By.cssSelector(".progress")).getText()).isEqualTo("0 of 3 scored");
        HeadlessChromium.screenshot(juror, "juror-entries");

        String entry = judging.entries.get(1);
        submit(juror, "tr[data-entry='" + entry + "'] a");
        assertThat(juror.findElement(By.tagName("h1")).getText()).isEqualTo("Film 2");
        assertThat(juror.findElement(By.cssSelector("label[for='marks.artistic-impact'] .hint")).getText())
                .contains("from 0 to 10").contains("weight 0.4");
        type("marks.artistic-impact", "11");
        type("marks.thematic-expression", "7");
        type("marks.innovative-ai-use", "8");
        type("comment", "Bold and strange");
        submit(juror, "form.score button");
        WebElement error = juror.findElement(By.id("marks.artistic-impact-error"));
        assertThat(error.getText()).contains("between 0 and 10");
        assertThat(juror.findElement(By.id("marks.artistic-impact")).getAttribute("value")).isEqualTo("11");
        assertThat(juror.findElement(By.id("marks.thematic-expression")).getAttribute("value")).isEqualTo("7");
        assertThat(juror.findElement(By.id("comment")).getAttribute("value")).isEqualTo("Bold and strange");
        HeadlessChromium.screenshot(juror, "juror-entry-validation");

        type("marks.artistic-impact", "9");
        submit(juror, "form.score button");
        assertThat(juror.findElement(By.cssSelector(".notice")).getText()).contains("recorded");
        // The organiser's page was not reloaded: the stream brought the score (0.4·9 + 0.3·7 + 0.3·8 = 8.1).
        new WebDriverWait(organiser, Duration.ofSeconds(10)).until(driver -> "1".equals(countOf(entry)));
        assertThat(scoreOf(entry)).isEqualTo("8.1");
        HeadlessChromium.screenshot(organiser, "organiser-standings-live");

        // A revision needs a reason; with one it is recorded and the standings follow again.
        type("marks.artistic-impact", "5");
        submit(juror, "form.score button");
        assertThat(juror.findElement(By.id("reason-error")).getText()).contains("required");
        assertThat(juror.findElement(By.id("marks.artistic-impact")).getAttribute("value")).isEqualTo("5");
        type("reason", "rewatched on a big screen");
        submit(juror, "form.score button");
        assertThat(juror.findElement(By.cssSelector(".notice")).getText()).contains("recorded");
        HeadlessChromium.screenshot(juror, "juror-entry-revised");
        new WebDriverWait(organiser, Duration.ofSeconds(10)).until(driver -> "6.5".equals(scoreOf(entry)));
        juror.get(url("/juror"));
        assertThat(juror.findElement(By.cssSelector("tr[data-entry='" + entry + "'] td:last-child")).getText())
                .isEqualTo("scored, revised 1×");

        // A form posted without its CSRF token is refused, and records nothing.
        long before = ledger.head().position();
        Cookie session = juror.manage().getCookieNamed("JSESSIONID");
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(url("/juror/rounds/preliminary/entries/" + entry)))
                .header("Cookie", "JSESSIONID=" + session.getValue())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("marks.artistic-impact=1&marks.thematic-expression=1"
                        + "&marks.innovative-ai-use=1&reason=forged")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(ledger.head().position()).isEqualTo(before);

        // The conflicted entry's page is not reachable by address either.
        juror.get(url("/juror/rounds/preliminary/entries/" + judging.entries.get(0)));
        assertThat(juror.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    }

    @Test
    void theOrganiserDecidesATieDrawsTheShortlistConfersAndPublishesFromThePages() throws Exception {
        // Films 3, 4 and 5 share a score; a shortlist of three cuts through them.
        Judging judging = Judging.judgedAndClosed(api, "decide", new int[]{1, 2, 5, 5, 5, 9, 10});
        String competition = judging.competition;
        signInAsOrganiser();
        organiser.get(url("/organiser/competitions/" + competition + "/rounds/preliminary"));
        organiser.findElement(By.id("size")).sendKeys("3");
        organiser.findElement(By.id("rationale")).sendKeys("Four films to the final");
        submit(organiser, "form[action*='/shortlist'] button");
        WebElement tie = organiser.findElement(By.id("tie"));
        assertThat(tie.getText()).contains("A tie across the cut-off").contains(judging.entries.get(2));
        assertThat(organiser.findElement(By.id("size")).getAttribute("value")).as("the form keeps what was typed")
                .isEqualTo("3");
        HeadlessChromium.screenshot(organiser, "organiser-shortlist-tie");
        String below = tie.findElements(By.tagName("span")).get(1).getText().split(", ")[0];
        String other = tie.findElements(By.tagName("span")).get(1).getText().split(", ")[1];
        organiser.findElement(By.id("override0.submissionId")).sendKeys(below);
        organiser.findElement(By.id("override0.reason")).sendKeys("strongest on the key criterion");
        organiser.findElement(By.id("override1.submissionId")).sendKeys(other);
        new org.openqa.selenium.support.ui.Select(organiser.findElement(By.id("override1.action")))
                .selectByValue("EXCLUDE");
        organiser.findElement(By.id("override1.reason")).sendKeys("weaker ending");
        submit(organiser, "form[action*='/shortlist'] button");
        new WebDriverWait(organiser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().contains("?shortlisted")
                || !driver.findElements(By.cssSelector(".problem")).isEmpty());
        assertThat(organiser.findElement(By.cssSelector(".notice")).getText()).contains("shortlist is recorded");
        assertThat(organiser.findElements(By.cssSelector("#shortlist-heading ~ ol li"))).hasSize(4);
        HeadlessChromium.screenshot(organiser, "organiser-shortlist");

        organiser.get(url("/organiser/competitions/" + competition));
        organiser.findElement(By.id("submissionId")).sendKeys(judging.entries.get(5));
        organiser.findElement(By.id("citation")).sendKeys("A kite that flies in every frame");
        submit(organiser, "form[action$='/awards'] button");
        new WebDriverWait(organiser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("?conferred")
                || !driver.findElements(By.cssSelector(".problem")).isEmpty());
        assertThat(organiser.findElement(By.cssSelector(".notice")).getText()).contains("award is recorded");
        submit(organiser, "form[action$='/publication'] button");
        new WebDriverWait(organiser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("?published")
                || !driver.findElements(By.cssSelector(".problem")).isEmpty());
        HeadlessChromium.screenshot(organiser, "organiser-competition");
        assertThat(organiser.findElement(By.cssSelector("main")).getText()).contains("The results are published");
        organiser.get(url("/organiser/competitions/" + competition + "/schedule"));
        assertThat(organiser.findElement(By.tagName("h1")).getText()).isEqualTo("Schedule");
        HeadlessChromium.screenshot(organiser, "organiser-schedule");

        organiser.get(url("/competitions/" + competition));
        assertThat(organiser.findElement(By.cssSelector(".award .citation")).getText())
                .contains("A kite that flies in every frame");
    }

    private void signInAsOrganiser() {
        organiser.manage().deleteAllCookies();
        organiser.get(url("/organiser/login"));
        organiser.findElement(By.id("username")).sendKeys("organiser");
        organiser.findElement(By.id("password")).sendKeys("organiser-demo");
        submit(organiser, "form button[type=submit]");
        new WebDriverWait(organiser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/organiser"));
    }

    @Test
    void aForgedSignInLinkIsRefusedAndThePagesNeedASignIn() throws IOException {
        ChromeDriver stranger = juror;
        stranger.manage().deleteAllCookies();
        stranger.get(url("/juror/sign-in?link=jl_not_a_real_link"));
        submit(stranger, "form.sign-in button");
        assertThat(stranger.findElement(By.cssSelector(".problem")).getText()).contains("not valid");
        stranger.get(url("/juror"));
        assertThat(stranger.getCurrentUrl()).contains("/juror/sign-in");
        stranger.get(url("/organiser"));
        assertThat(stranger.getCurrentUrl()).contains("/organiser/login");
        HeadlessChromium.screenshot(stranger, "organiser-login");
    }

    @Test
    void theLinkSignsInOnlyByItsPostAndARevokedJurorsSessionAndLinkStopAtOnce() throws Exception {
        Judging judging = Judging.with(api, "revoked-" + java.util.UUID.randomUUID().toString().substring(0, 6), 2, 1);
        assertThat(judging.openRound("preliminary", 1, "MEAN", 1).status()).isEqualTo(201);
        juror.manage().deleteAllCookies();
        // Opening the link signs nobody in: a page elsewhere could make a browser open it.
        juror.get(judging.jurorLinks.get("juror-1"));
        juror.get(url("/juror"));
        assertThat(juror.getCurrentUrl()).contains("/juror/sign-in");
        // The API token is not a sign-in link.
        juror.get(url("/juror/sign-in?link=" + judging.jurorTokens.get("juror-1")));
        submit(juror, "form.sign-in button");
        assertThat(juror.findElement(By.cssSelector(".problem")).getText()).contains("not valid");

        juror.get(judging.jurorLinks.get("juror-1"));
        submit(juror, "form.sign-in button");
        assertThat(juror.getCurrentUrl()).endsWith("/juror");

        Reply revoked = api.post("/api/competitions/" + judging.competition + "/jurors/juror-1/access/revocation")
                .as(ORGANISER).json(Map.of("reason", "laptop stolen")).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        juror.get(url("/juror"));
        assertThat(juror.getCurrentUrl()).as("the session ended").contains("/juror/sign-in");
        juror.get(judging.jurorLinks.get("juror-1"));
        submit(juror, "form.sign-in button");
        assertThat(juror.findElement(By.cssSelector(".problem")).getText()).contains("not valid");
        HeadlessChromium.screenshot(juror, "juror-link-revoked");
    }

    /**
     * Presses a button or link and waits for the next page to replace this one, so the next look is at it (the
     * judging console's browser test uses it too).
     */
    static void submit(ChromeDriver browser, String button) {
        HeadlessChromium.press(browser, button);
    }

    private void type(String id, String text) {
        WebElement field = juror.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String countOf(String entry) {
        return organiser.findElement(By.cssSelector("tr[data-entry='" + entry + "'] .count")).getText();
    }

    private String scoreOf(String entry) {
        return organiser.findElement(By.cssSelector("tr[data-entry='" + entry + "'] .score")).getText();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
