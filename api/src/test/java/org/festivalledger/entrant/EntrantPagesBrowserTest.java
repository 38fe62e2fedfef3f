package org.festivalledger.entrant;

import org.festivalledger.Accessibility;
import org.festivalledger.Api;
import org.festivalledger.Festival;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.language.PageLanguage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entrant's pages in a real headless Chromium, in English and in Simplified Chinese: asking for a link, the
 * link's sign-in page, their entries, sending an entry (and a refused one), an entry with its receipts and its
 * amendment and withdrawal forms. Each page is checked with axe-core and photographed
 * ({@code api/target/screenshots/entrant-<page>-<language>.png}); none is wider than a phone.
 */
class EntrantPagesBrowserTest extends LedgerTestApplication {

    private static ChromeDriver browser;

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

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
    void theEntrantsPagesReadWellInBothLanguages() throws IOException {
        String competition = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        long announced = api.post("/api/competitions").as(Api.ORGANISER).json(Festival.competition(competition)).send()
                .ledgerPosition();
        api.get("/api/competitions/" + competition + "?minPosition=" + announced).as(Api.ORGANISER).send();
        browser.manage().window().setSize(new Dimension(1280, 900));

        page("/entrant", "ask", "Entrants: sign in by email", "参赛者：通过电子邮件登录");

        String link = links.issue(directory.enrol("browser-" + UUID.randomUUID() + "@example.org",
                PageLanguage.ENGLISH).id());
        page("/entrant/sign-in?link=" + link, "sign-in", "Entrant sign-in", "参赛者登录");
        browser.get(url("/entrant/sign-in?link=" + link));
        HeadlessChromium.press(browser, "form[action='/entrant/sign-in'] button");
        assertThat(browser.getCurrentUrl()).endsWith("/entrant");

        browser.get(url("/entrant/competitions/" + competition + "/entries/new"));
        browser.findElement(By.id("title")).sendKeys("Tidal Memory");
        browser.findElement(By.id("team")).sendKeys("Li Wei\nAna Souza");
        browser.findElement(By.id("country")).sendKeys("CN");
        browser.findElement(By.id("runtimeMinutes")).sendKeys("40");
        browser.findElement(By.id("synopsis")).sendKeys("A kite-maker's last summer.");
        new Select(browser.findElement(By.id("aiWorkflow"))).selectByValue("HYBRID");
        browser.findElement(By.id("aiTools")).sendKeys("Runway");
        HeadlessChromium.press(browser, "main form button");
        assertThat(browser.findElement(By.cssSelector(".problem")).getText()).contains("30");
        Accessibility.assertNoSeriousViolations(browser);
        HeadlessChromium.screenshot(browser, "entrant-new-entry-refused-en");
        browser.findElement(By.id("runtimeMinutes")).clear();
        browser.findElement(By.id("runtimeMinutes")).sendKeys("12");
        HeadlessChromium.press(browser, "main form button");
        String entryPage = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "").replaceAll("\\?.*$", "");
        assertThat(entryPage).startsWith("/entrant/entries/");

        page("/entrant", "home", "Your entries", "您的参赛作品");
        page("/entrant/competitions/" + competition + "/entries/new", "new-entry", "Send an entry", "提交作品");
        page(entryPage, "entry", "Your receipts", "您的收据");

        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url(entryPage));
        Number overflow = (Number) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("nothing wider than a phone's screen").isLessThanOrEqualTo(0);
        HeadlessChromium.screenshot(browser, "entrant-entry-phone-en");
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Visits a page in English, then in Chinese: text, axe-core, a screenshot each; back to English after. */
    private void page(String path, String name, String english, String chinese) throws IOException {
        language("en", path);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(english);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        Accessibility.assertNoSeriousViolations(browser);
        HeadlessChromium.screenshot(browser, "entrant-" + name + "-en");

        language("zh-CN", path);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(chinese);
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        Accessibility.assertNoSeriousViolations(browser);
        HeadlessChromium.screenshot(browser, "entrant-" + name + "-zh-CN");
        language("en", "/");
    }

    private void language(String tag, String back) {
        browser.get(url("/language?lang=" + tag + "&back=" + URLEncoder.encode(back, StandardCharsets.UTF_8)));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
