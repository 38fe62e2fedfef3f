package org.festivalledger.results;

import org.festivalledger.Api.Reply;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The public results page in a real headless Chromium (Debian's chromium and chromium-driver, which
 * {@code .ci/run} installs): nothing of the results before publication, the awards and shortlist after it,
 * readable on a phone. Screenshots land in {@code api/target/screenshots/} for people to look at.
 */
class ResultsPageBrowserTest extends LedgerTestApplication {

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void thePageShowsTheAwardsAfterPublicationAndNothingBefore() throws IOException {
        Judging judging = Judging.judgedAndClosed(api, "page", new int[]{3, 9, 5, 7, 4, 8});
        String competition = judging.competition;
        assertThat(judging.shortlist("preliminary", 3, "the three strongest").status()).isEqualTo(201);
        assertThat(judging.confer("best-film", judging.entries.get(1), "A kite that flies in every frame").status())
                .isEqualTo(201);

        // The public programme is public at once, results or not.
        judging.publicScreening("Huairou Cinema Hall 1", "2027-04-17T06:00:00Z",
                List.of(judging.entries.get(1), judging.entries.get(3)), "Shortlist programme 1");

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/competitions/" + competition));
        WebElement programme = browser.findElement(By.cssSelector(".schedule"));
        assertThat(programme.getText()).contains("Saturday 17 April 2027").contains("Huairou Cinema Hall 1")
                .contains("14:00").contains("Shortlist programme 1").contains("Film 2, Film 4");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("AIGC Short Film Unit");
        assertThat(browser.findElement(By.id("embargo-heading")).isDisplayed()).isTrue();
        assertThat(body()).contains("have not been published").doesNotContain("A kite that flies")
                .doesNotContain("Awards").doesNotContain("Shortlists").doesNotContain("Ledger digest");
        assertThat(browser.findElements(By.cssSelector(".award, .shortlist"))).isEmpty();
        screenshot("results-before-publication");

        long published = api.post("/api/competitions/" + competition + "/publication").as(ORGANISER).send()
                .ledgerPosition();
        api.get("/api/public/competitions/" + competition + "/results?minPosition=" + published).send();
        browser.navigate().refresh();
        WebElement award = browser.findElement(By.cssSelector(".award"));
        assertThat(award.findElement(By.cssSelector(".category")).getText()).isEqualToIgnoringCase("Best AIGC Short Film");
        assertThat(award.findElement(By.tagName("cite")).getText()).isEqualTo("Film 2");
        assertThat(award.findElement(By.cssSelector(".citation")).getText()).contains("A kite that flies in every frame");
        List<String> shortlisted = browser.findElements(By.cssSelector(".films cite")).stream()
                .map(WebElement::getText).toList();
        assertThat(shortlisted).containsExactly("Film 2", "Film 4", "Film 6");
        assertThat(body()).doesNotContainIgnoringCase("juror").contains("Ledger digest");
        // One page title, headings in order, a language: what a screen reader needs to find its way.
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        screenshot("results-published");
        assertThat(award.findElement(By.cssSelector(".published time")).getAttribute("datetime")).isNotBlank();

        // A prize conferred after the publication stays under embargo until the next one.
        Reply late = api.post("/api/competitions/" + competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "jury-prize", "submissionId", judging.entries.get(3),
                        "citation", "A late and tender surprise")).send();
        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        // The views have seen the award: its absence below is the embargo, not a view lagging behind.
        api.get("/api/public/competitions/" + competition + "/results?minPosition=" + late.ledgerPosition()).send();
        browser.navigate().refresh();
        assertThat(body()).doesNotContain("A late and tender surprise").doesNotContain("Special Jury Prize");
        long republished = api.post("/api/competitions/" + competition + "/publication").as(ORGANISER).send()
                .ledgerPosition();
        api.get("/api/public/competitions/" + competition + "/results?minPosition=" + republished).send();
        browser.navigate().refresh();
        assertThat(browser.findElements(By.cssSelector(".award"))).hasSize(2);
        assertThat(body()).contains("A late and tender surprise");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.navigate().refresh();
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("nothing wider than a phone's screen").isLessThanOrEqualTo(0);
        screenshot("results-published-phone");

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/"));
        browser.findElement(By.linkText("AIGC Short Film Unit")).isDisplayed();
        assertThat(browser.findElements(By.cssSelector(".card a")).stream().map(link -> link.getAttribute("href")))
                .anyMatch(href -> href.endsWith("/competitions/" + competition));
        screenshot("competitions");
    }

    @Test
    void theDigestIsTheCheckpointSignedAtThePublicationNotTheCurrentHead() throws IOException {
        Judging judging = Judging.with(api, "digest-" + java.util.UUID.randomUUID().toString().substring(0, 6), 2, 1);
        Reply published = api.post("/api/competitions/" + judging.competition + "/publication").as(ORGANISER).send();
        assertThat(published.status()).as(published.toString()).isLessThan(300);
        long position = published.ledgerPosition();
        api.get("/api/public/competitions/" + judging.competition + "/results?minPosition=" + position).send();
        String key = api.get("/api/public/log/key").send().body().strip();

        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/competitions/" + judging.competition));
        String note = browser.findElement(By.cssSelector(".digest .checkpoint")).getText();
        assertThat(browser.findElement(By.cssSelector(".digest .publication-position")).getText())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", position));
        assertThat(browser.findElement(By.cssSelector(".digest .verifier-key")).getText()).isEqualTo(key);
        org.festivalledger.transparency.Checkpoint checkpoint = org.festivalledger.transparency.SignedNote
                .verifiedCheckpoint(note + "\n", org.festivalledger.transparency.VerifierKey.parse(key)).orElseThrow();
        assertThat(checkpoint.size()).isEqualTo(position);
        screenshot("results-digest");

        // Later events move the head, never the digest published with the results.
        Judging.with(api, judging.competition + "-later", 2, 1);
        browser.navigate().refresh();
        assertThat(browser.findElement(By.cssSelector(".digest .checkpoint")).getText()).isEqualTo(note);
        assertThat(ledger.head().position()).isGreaterThan(position);
    }

    @Test
    void anUnknownCompetitionIsAPageNotFound() {
        browser.get(url("/competitions/no-such-competition"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private String body() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void screenshot(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
    }
}
