package org.festivalledger.programme;

import org.festivalledger.Accessibility;
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
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser builds a programme in real headless Chromium, in English and in Chinese: adds a venue, schedules a
 * screening, is refused an overlapping one (next to the start, what was typed kept), moves and cancels the first,
 * schedules a forum session. Every page is screenshot ({@code organiser-programme-<page>-<language>.png}) and
 * checked by axe-core; on a phone the timeline fits the screen.
 */
class ProgrammePagesBrowserTest extends LedgerTestApplication {

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
    void theProgrammeIsBuiltInTheBrowserInEnglish() throws IOException {
        buildTheProgramme("en", "Programme", "is taken by the screening");
    }

    @Test
    void theProgrammeIsBuiltInTheBrowserInChinese() throws IOException {
        buildTheProgramme("zh-CN", "展映与论坛日程", "已被放映场次");
    }

    private void buildTheProgramme(String language, String heading, String overlapWords) throws IOException {
        Judging festival = Judging.with(api, "prog-browser-" + UUID.randomUUID().toString().substring(0, 6), 3, 0);
        String programme = url("/organiser/competitions/" + festival.competition + "/programme");
        browser.manage().window().setSize(new Dimension(1280, 1000));
        signIn();
        browser.get(url("/language?lang=" + language + "&back=/organiser"));
        browser.get(programme);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(heading);

        // A venue.
        browser.findElement(By.cssSelector("a[href$='/programme/venues/new']")).click();
        type("name", "Huairou Cinema Hall 1");
        type("id", "hall");
        type("capacity", "420");
        type("changeoverMinutes", "15");
        look("venue", language);
        submit("form.programme-form button");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Huairou Cinema Hall 1");

        // A screening at 14:00 (Beijing) of one 10-minute film: the hall is taken until 14:25.
        browser.findElement(By.cssSelector("a[href$='/programme/screenings/new']")).click();
        type("title", "Shortlist programme 1");
        type("id", "shorts-1");
        new Select(browser.findElement(By.id("venueId"))).selectByValue("hall");
        typeTime("startsAt", "2027-04-17T14:00");
        browser.findElement(By.cssSelector("input[value='" + festival.entries.get(0) + "']")).click();
        look("screening-new", language);
        submit("form.programme-form button");
        assertThat(browser.getCurrentUrl()).contains("?scheduled=shorts-1");
        assertThat(browser.findElement(By.id("item-shorts-1")).getText()).contains("14:00").contains("14:25")
                .contains("Shortlist programme 1").contains("Film 1");

        // One overlapping it is refused next to its start, with what was typed kept, and nothing recorded.
        long before = ledger.head().position();
        browser.findElement(By.cssSelector("a[href$='/programme/screenings/new']")).click();
        type("title", "Shortlist programme 2");
        new Select(browser.findElement(By.id("venueId"))).selectByValue("hall");
        typeTime("startsAt", "2027-04-17T14:20");
        browser.findElement(By.cssSelector("input[value='" + festival.entries.get(1) + "']")).click();
        submit("form.programme-form button");
        WebElement problem = browser.findElement(By.id("startsAt-problem"));
        assertThat(problem.getText()).contains(overlapWords).contains("Shortlist programme 1").contains("14:25");
        assertThat(browser.findElement(By.id("startsAt")).getAttribute("aria-describedby")).isEqualTo("startsAt-problem");
        assertThat(browser.findElement(By.id("startsAt")).getAttribute("value")).isEqualTo("2027-04-17T14:20");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("Shortlist programme 2");
        assertThat(browser.findElement(By.cssSelector("input[value='" + festival.entries.get(1) + "']")).isSelected())
                .isTrue();
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
        look("refused", language);

        // The first one moved to the next evening, then cancelled.
        browser.get(programme);
        browser.findElement(By.cssSelector("#item-shorts-1 a.title")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Shortlist programme 1");
        look("screening", language);
        typeTime("startsAt", "2027-04-18T19:30");
        type("reason", "The director arrives a day later");
        submit("form[action$='/reschedule'] button");
        assertThat(browser.getCurrentUrl()).endsWith("?moved");
        assertThat(browser.findElement(By.cssSelector(".facts")).getText()).contains("19:30")
                .contains("The director arrives a day later");
        type("cancelReason", "The print did not arrive");
        submit("form[action$='/cancellation'] button");
        assertThat(browser.getCurrentUrl()).endsWith("?cancelled");
        assertThat(browser.findElements(By.cssSelector("form[action$='/reschedule']"))).isEmpty();
        look("screening-cancelled", language);

        // A forum session, and its page.
        browser.get(programme);
        browser.findElement(By.cssSelector("a[href$='/programme/forum-sessions/new']")).click();
        type("title", "Authorship and the machine");
        type("id", "talk");
        new Select(browser.findElement(By.id("venueId"))).selectByValue("hall");
        typeTime("startsAt", "2027-04-17T10:00");
        typeTime("endsAt", "2027-04-17T11:30");
        type("speakers", "Hana Sato\nLin Yue");
        look("session-new", language);
        submit("form.programme-form button");
        assertThat(browser.findElement(By.id("item-talk")).getText()).contains("10:00").contains("Hana Sato, Lin Yue");
        look("timeline", language);
        browser.findElement(By.cssSelector("#item-talk a.title")).click();
        look("session", language);
        // The older read-only schedule page shows the same timeline and leads to the programme.
        browser.get(programme.replace("/programme", "/schedule"));
        assertThat(browser.findElement(By.id("item-talk")).getText()).contains("Hana Sato, Lin Yue");
        look("schedule", language);

        // On a phone the timeline is one venue after another, nothing wider than the screen.
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(programme);
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("nothing wider than a phone's screen").isLessThanOrEqualTo(0);
        HeadlessChromium.screenshot(browser, "organiser-programme-phone-" + language);
    }

    /** A screenshot of the page and axe-core's verdict on it; on a Chinese page, Chinese is what is shown. */
    private void look(String page, String language) throws IOException {
        HeadlessChromium.screenshot(browser, "organiser-programme-" + page + "-" + language);
        Accessibility.assertNoSeriousViolations(browser);
        String main = browser.findElement(By.tagName("main")).getText();
        if (language.equals("zh-CN")) {
            assertThat(main).as("a Chinese page").containsPattern("\\p{IsHan}{4}");
            assertThat(browser.findElement(By.tagName("h1")).getText() + browser.findElement(By.tagName("nav")).getText())
                    .containsPattern("\\p{IsHan}");
        }
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/organiser/login"));
        browser.findElement(By.id("username")).sendKeys("organiser");
        browser.findElement(By.id("password")).sendKeys("organiser-demo");
        submit("form button[type=submit]");
    }

    private void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
    }

    /** A datetime-local field: its keyboard entry depends on the browser's locale, so the value is set directly. */
    private void typeTime(String field, String value) {
        browser.executeScript("document.getElementById(arguments[0]).value = arguments[1];", field, value);
    }

    private void submit(String button) {
        WebElement pressed = browser.findElement(By.cssSelector(button));
        pressed.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> {
            try {
                pressed.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
