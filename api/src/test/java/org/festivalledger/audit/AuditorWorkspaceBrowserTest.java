package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Accessibility;
import org.festivalledger.Api.Reply;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The auditor's workspace in headless Chromium: signed in as the auditor, the trail filtered to one entry leads to
 * its history, a revision there to the standings at its position, and on to the shortlist that rests on a later
 * position, shown as verified; the calibration picture shows every juror of the round. Every page passes axe-core
 * without a serious or critical violation, has no form that is not a GET, and the ledger's head is where it was.
 */
class AuditorWorkspaceBrowserTest extends LedgerTestApplication {

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theAuditorWalksFromAnEntrysTrailToTheVerifiedShortlistThatRestsOnIt() throws IOException {
        Judging judging = Judging.with(api, "audit-" + UUID.randomUUID().toString().substring(0, 6), 5, 3);
        String competition = judging.competition;
        assertThat(judging.openRound("preliminary", 3, "MEAN", 3).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        int[] quality = {4, 9, 6, 8, 3};
        for (String juror : List.of("juror-1", "juror-2", "juror-3")) {
            for (JsonNode entry : judging.mine("preliminary", juror)) {
                String id = entry.get("submissionId").asText();
                int q = quality[judging.entries.indexOf(id)] + (juror.equals("juror-3") ? -1 : 0);
                assertThat(judging.score("preliminary", juror, id, q, q, q, null).status()).isEqualTo(201);
            }
        }
        String entry = judging.entries.get(2);
        Reply revised = judging.score("preliminary", "juror-1", entry, 9, 9, 9, "rewatched on a big screen");
        assertThat(revised.status()).as(revised.toString()).isEqualTo(201);
        long revision = revised.ledgerPosition();
        assertThat(api.post(judging.path("preliminary") + "/close").as(ORGANISER).send().status()).isEqualTo(200);
        Reply shortlist = api.post(judging.path("preliminary") + "/shortlist").as(ORGANISER)
                .json(Map.of("size", 2, "rationale", "the two strongest")).send();
        assertThat(shortlist.status()).as(shortlist.toString()).isEqualTo(201);
        long head = ledger.head().position();

        // Anonymous: sent to the auditor's sign-in.
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/auditor"));
        assertThat(browser.getCurrentUrl()).contains("/auditor/login");
        look("auditor-login");
        browser.findElement(By.id("username")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys("auditor-demo");
        press("form button[type=submit]");
        assertThat(java.net.URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/auditor");
        assertThat(browser.findElement(By.id("head-hash")).getText()).isEqualTo(ledger.head().hash());
        look("auditor-home");

        // The trail, filtered to one entry: every event shown concerns it, the revision among them.
        browser.findElement(By.linkText("Trail")).click();
        browser.findElement(By.id("entity")).sendKeys(entry);
        press("form.filters button");
        assertThat(browser.getCurrentUrl()).contains("entity=" + entry);
        List<String> types = browser.findElements(By.cssSelector("li.event")).stream()
                .map(event -> event.getAttribute("data-type")).toList();
        assertThat(types).contains("SubmissionReceived", "ScoreRecorded", "ScoreRevised");
        look("auditor-trail");

        // Its history: the revision says what it changed; from there, the standings at the revision's position.
        press("#entity-history");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("History of " + entry);
        WebElement revisionEvent = browser.findElement(By.cssSelector("li.event[data-position='" + revision + "']"));
        assertThat(revisionEvent.getText()).contains("rewatched on a big screen");
        assertThat(revisionEvent.findElements(By.cssSelector("tr.changed-mark"))).hasSize(3);
        look("auditor-history");
        press("li.event[data-position='" + revision + "'] a.at-position");
        assertThat(browser.findElement(By.id("position")).getText()).isEqualTo(Long.toString(revision));
        assertThat(browser.findElement(By.cssSelector("tr[data-entry='" + entry + "'] .score")).getText())
                .as("(9 revised + 6 + 5) / 3").isEqualTo("6.6667");
        look("auditor-standings");

        // One event back, the entry's score is what it was before the revision; then compare the two positions.
        press("#previous-event");
        assertThat(Long.parseLong(browser.findElement(By.id("position")).getText())).isLessThan(revision);
        browser.findElement(By.id("compare")).sendKeys(Long.toString(revision));
        press("form.travel button");
        assertThat(browser.findElement(By.cssSelector("#difference tr[data-entry='" + entry + "']")).getText())
                .contains("revision by juror-1 at " + revision);
        look("auditor-standings-difference");

        // The shortlist that rests on a later position, verified.
        press("#decisions");
        WebElement decision = browser.findElement(By.cssSelector("article.shortlist[data-round='preliminary']"));
        long basedOn = Long.parseLong(decision.findElement(By.cssSelector("a.based-on")).getText()
                .replaceAll("\\D", ""));
        assertThat(basedOn).isGreaterThan(revision);
        assertThat(decision.findElement(By.cssSelector(".verdict")).getText()).startsWith("Verified");
        assertThat(browser.findElement(By.id("chain-verdict")).getText()).contains("hash chain verifies");
        look("auditor-decisions");

        // The calibration picture shows every juror of the round, and its table too.
        browser.get(url("/auditor/competitions/" + competition + "/rounds/preliminary/pictures"));
        assertThat(browser.findElements(By.cssSelector("#calibration svg g.juror")).stream()
                .map(juror -> juror.getAttribute("data-juror")).toList())
                .containsExactlyInAnyOrder("juror-1", "juror-2", "juror-3");
        assertThat(browser.findElements(By.cssSelector("#calibration-table tbody tr"))).hasSize(3);
        assertThat(browser.findElements(By.cssSelector("#ranks polyline"))).isNotEmpty();
        look("auditor-pictures");

        browser.get(url("/auditor/competitions/" + competition));
        look("auditor-competition");
        browser.get(url("/auditor/verification"));
        assertThat(browser.findElement(By.id("verdict")).getText()).startsWith("Everything verifies");
        look("auditor-verification");

        // The rebuild check runs in the background, shows its progress, then its report; it records nothing.
        browser.findElement(By.linkText("Rebuild check")).click();
        press("form.start button");
        new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(driver -> !driver.findElements(By.id("rebuild-verdict")).isEmpty());
        assertThat(browser.findElement(By.id("rebuild-verdict")).getText()).startsWith("Every view rebuilt from zero");
        look("auditor-rebuild-check");

        // A phone-sized screen reads the standings too.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/auditor/competitions/" + competition + "/rounds/preliminary/standings?position=" + revision));
        look("auditor-standings-phone");

        assertThat(ledger.head().position()).as("the walk recorded nothing").isEqualTo(head);

        // Signing out (the masthead's form, with the session's CSRF token) ends the session.
        press(".sign-out button");
        browser.get(url("/auditor"));
        assertThat(browser.getCurrentUrl()).contains("/auditor/login");
    }

    /** Every look at a page: a screenshot, axe-core, and no form on it but GETs (and the masthead's sign-out). */
    private static void look(String name) throws IOException {
        HeadlessChromium.screenshot(browser, name);
        Accessibility.assertNoSeriousViolations(browser);
        for (WebElement form : browser.findElements(By.cssSelector("main form"))) {
            assertThat(form.getAttribute("method")).as("a form on " + browser.getCurrentUrl())
                    .isEqualToIgnoringCase(browser.getCurrentUrl().contains("/auditor/login") ? "post" : "get");
        }
    }

    /**
     * Presses a button or link and waits for the next page to replace this one. Chromium sometimes answers a look at
     * an element of a page just replaced with "Node with given id does not belong to the document", which Selenium
     * does not map to a stale element: that answer means the page went too.
     */
    private static void press(String selector) {
        WebElement pressed = browser.findElement(By.cssSelector(selector));
        pressed.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            try {
                return ExpectedConditions.stalenessOf(pressed).apply(driver);
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
