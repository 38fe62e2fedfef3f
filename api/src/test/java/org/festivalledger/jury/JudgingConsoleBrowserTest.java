package org.festivalledger.jury;

import org.festivalledger.Accessibility;
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
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organiser's judging pages in real headless Chromium, in English and in Chinese: the overview, the jury (a
 * juror appointed, their link shown once), the rounds, opening one (a refusal next to its field), a round's page
 * and the preview of its automatic assignment, confirmed. Each page is photographed and checked by axe-core.
 */
class JudgingConsoleBrowserTest extends LedgerTestApplication {

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
    void theJudgingPagesReadInBothLanguagesAndPassTheAccessibilityCheck() throws IOException {
        Judging judging = Judging.with(api, "console-" + UUID.randomUUID().toString().substring(0, 6), 4, 2);
        assertThat(judging.openRound("preliminary", 2, "MEAN", 1).status()).isEqualTo(201);
        String competition = "/organiser/competitions/" + judging.competition;
        browser.manage().window().setSize(new Dimension(1280, 900));
        signIn();

        for (String language : new String[]{"en", "zh-CN"}) {
            browser.get(url("/language?lang=" + language + "&back=" + competition));
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
            check("overview", language);
            if (language.equals("zh-CN")) {
                assertThat(browser.findElement(By.id("awards-heading")).getText()).isEqualTo("奖项");
            }

            browser.get(url(competition + "/jurors"));
            check("jurors", language);
            browser.findElement(By.id("id")).sendKeys("guest-" + language.toLowerCase());
            browser.findElement(By.id("name")).sendKeys(language.equals("en") ? "Guest Juror" : "客座评委");
            submit("form[action$='/jurors'] button");
            WebElement link = browser.findElement(By.id("sign-in-link"));
            assertThat(link.getAttribute("readonly")).isNotNull();
            assertThat(link.getAttribute("value")).contains("/juror/sign-in?link=jl_");
            check("juror-link", language);
            if (language.equals("zh-CN")) {
                assertThat(browser.findElement(By.tagName("h1")).getText()).contains("登录链接");
            }

            browser.get(url(competition + "/rounds"));
            check("rounds", language);
            browser.get(url(competition + "/rounds/new"));
            check("round-new", language);
            browser.findElement(By.id("id")).sendKeys("final-" + language.toLowerCase());
            browser.findElement(By.id("name")).sendKeys("Final");
            browser.findElement(By.id("minScoresPerEntry")).clear();
            browser.findElement(By.id("minScoresPerEntry")).sendKeys("9");
            browser.findElement(By.id("aggregation-ZSCORE_MEAN")).click();
            submit("form[action$='/rounds'] button");
            assertThat(browser.findElement(By.id("minScoresPerEntry-problem")).isDisplayed()).isTrue();
            assertThat(browser.findElement(By.id("minScoresPerEntry")).getAttribute("value")).isEqualTo("9");
            assertThat(browser.findElement(By.id("aggregation-ZSCORE_MEAN")).isSelected()).isTrue();
            check("round-new-refused", language);
            if (language.equals("zh-CN")) {
                assertThat(browser.findElement(By.cssSelector("label[for='aggregation-MEDIAN']")).getText())
                        .isEqualTo("中位数");
            }

            browser.get(url(competition + "/rounds/preliminary/assignments/automatic"));
            check("assignment-preview", language);
            if (language.equals("en")) {
                assertThat(browser.findElements(By.cssSelector("#preview-loads tbody tr"))).hasSize(3);
                submit("form[action$='/assignments/automatic'] button");
                assertThat(browser.getCurrentUrl()).endsWith("?assigned");
            }
            browser.get(url(competition + "/rounds/preliminary"));
            assertThat(browser.findElements(By.cssSelector("#entry-coverage tbody tr"))).hasSize(4);
            check("round", language);
            if (language.equals("zh-CN")) {
                assertThat(browser.findElement(By.id("coverage-heading")).getText()).isEqualTo("评审分工");
            }
        }
    }

    /** Photographs the page as {@code organiser-judging-<page>-<language>.png} and runs axe-core on it. */
    private static void check(String page, String language) throws IOException {
        HeadlessChromium.screenshot(browser, "organiser-judging-" + page + "-" + language);
        Accessibility.assertNoSeriousViolations(browser);
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/organiser/login"));
        browser.findElement(By.id("username")).sendKeys("organiser");
        browser.findElement(By.id("password")).sendKeys("organiser-demo");
        submit("form button[type=submit]");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/organiser"));
    }

    private static void submit(String button) {
        JudgingPagesBrowserTest.submit(browser, button);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
