package org.festivalledger.language;

import org.festivalledger.Accessibility;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.PageShape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every public, sign-in, juror, auditor and error page in real headless Chromium, in English and in Chinese: a
 * screenshot of each ({@code <area>-<page>-en.png}, {@code -zh-CN.png}), axe-core on each, Chinese shown in Chinese
 * mode. And the switcher as a keyboard user meets it: focused, Enter, the same page in the other language, and the
 * choice remembered on the next page.
 */
class BilingualPagesBrowserTest extends LedgerTestApplication {

    private static final List<String> LANGUAGES = List.of("en", "zh-CN");

    private static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSwitcherWorksFromTheKeyboardAndTheChoiceIsRemembered() {
        PagesFestival festival = PagesFestival.build(api);
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(lang()).as("Chromium asks for English").isEqualTo("en");

        WebElement chinese = browser.findElement(By.cssSelector("nav.languages a[hreflang='zh-CN']"));
        browser.executeScript("arguments[0].focus();", chinese);
        assertThat(browser.switchTo().activeElement()).isEqualTo(chinese);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "zh-CN".equals(lang()));
        assertThat(URI.create(browser.getCurrentUrl()).getPath()).as("back on the same page").isEqualTo("/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("竞赛单元");
        assertThat(browser.findElement(By.cssSelector("nav.languages a[aria-current='true']")).getAttribute("hreflang"))
                .isEqualTo("zh-CN");

        // The next page, reached by a plain link, is in Chinese too: the choice is remembered.
        browser.findElement(By.cssSelector("a[href='/competitions/" + festival.published().competition + "']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(driver -> driver.getCurrentUrl().endsWith("/competitions/" + festival.published().competition));
        assertThat(lang()).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.id("awards-heading")).getText()).isEqualTo("奖项");

        // And back to English the same way.
        WebElement english = browser.findElement(By.cssSelector("nav.languages a[hreflang='en']"));
        browser.executeScript("arguments[0].focus();", english);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> "en".equals(lang()));
        assertThat(browser.findElement(By.id("awards-heading")).getText()).isEqualTo("Awards");
    }

    @Test
    void everyPageReadsInBothLanguagesWithNoSeriousAccessibilityProblem() throws IOException {
        PagesFestival festival = PagesFestival.build(api);
        String published = festival.published().competition;
        String open = festival.judging().competition;
        String link = festival.judging().jurorLinks.get("juror-1");
        String entry = festival.judging().entries.get(0);

        browser.manage().deleteAllCookies();
        Map<String, String> anyone = new LinkedHashMap<>();
        anyone.put("public-competitions", "/");
        anyone.put("public-competition", "/competitions/" + published);
        anyone.put("public-competition-embargoed", "/competitions/" + open);
        anyone.put("error-404", "/no-such-page");
        anyone.put("organiser-login", "/organiser/login");
        anyone.put("organiser-login-failed", "/organiser/login?failed");
        anyone.put("auditor-login", "/auditor/login");
        anyone.put("juror-sign-in", URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery());
        visitAll(anyone);
        for (String language : LANGUAGES) {
            // The programme, a part of the competition's page.
            show("/competitions/" + published, language);
            browser.executeScript("arguments[0].scrollIntoView();", browser.findElement(By.id("schedule-heading")));
            HeadlessChromium.screenshot(browser, "public-schedule-" + language);
        }

        // The juror signs in with their link, in Chinese, and judges.
        show(URI.create(link).getRawPath() + "?" + URI.create(link).getRawQuery(), "zh-CN");
        browser.findElement(By.cssSelector("form.sign-in button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/juror"));
        assertThat(lang()).as("still in the language chosen before signing in").isEqualTo("zh-CN");
        Map<String, String> juror = new LinkedHashMap<>();
        juror.put("juror-entries", "/juror");
        juror.put("juror-entry", "/juror/rounds/preliminary/entries/" + entry);
        visitAll(juror);

        // The auditor signs in on the Chinese sign-in page.
        browser.manage().deleteAllCookies();
        show("/auditor/login", "zh-CN");
        browser.findElement(By.id("username")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys("auditor-demo");
        browser.findElement(By.cssSelector("main form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> driver.getCurrentUrl().endsWith("/auditor"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("审计工作台");
        String competition = "/auditor/competitions/" + published;
        Map<String, String> auditor = new LinkedHashMap<>();
        auditor.put("auditor-home", "/auditor");
        auditor.put("auditor-trail", "/auditor/trail?entity=" + entry);
        auditor.put("auditor-history", "/auditor/history?entity=" + entry);
        auditor.put("auditor-competition", competition);
        auditor.put("auditor-decisions", competition + "/decisions");
        auditor.put("auditor-standings", "/auditor/competitions/" + open + "/rounds/preliminary/standings?position="
                + festival.revision() + "&compare=" + (festival.revision() - 1));
        auditor.put("auditor-pictures", competition + "/rounds/preliminary/pictures");
        auditor.put("auditor-message", competition + "/rounds/preliminary/pictures?position=abc");
        auditor.put("auditor-verification", "/auditor/verification");
        auditor.put("auditor-rebuild-check", "/auditor/rebuild-check");
        visitAll(auditor);

        // Constants of the model are said in words: the aggregation method, the role someone acted in.
        show(auditor.get("auditor-standings"), "zh-CN");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("平均值").doesNotContain("MEAN");
        show(auditor.get("auditor-history"), "zh-CN");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("组织方").contains("参赛作品已接收")
                .contains("汇总方式 平均值").doesNotContain("ORGANISER").doesNotContain("MEAN");
    }

    private void visitAll(Map<String, String> pages) throws IOException {
        for (Map.Entry<String, String> page : pages.entrySet()) {
            for (String language : LANGUAGES) {
                show(page.getValue(), language);
                assertThat(lang()).as(page.getKey()).isEqualTo(language);
                if (language.equals("zh-CN")) {
                    String text = browser.findElement(By.tagName("main")).getText();
                    assertThat(PageShape.hasHan(text)).as(page.getKey() + " in Chinese: " + text).isTrue();
                }
                HeadlessChromium.screenshot(browser, page.getKey() + "-" + language);
                Accessibility.assertNoSeriousViolations(browser);
            }
        }
    }

    /** A page in a language, chosen as the switcher chooses it. */
    private void show(String path, String language) {
        browser.get(url("/language?lang=" + language + "&back=" + URLEncoder.encode(path, StandardCharsets.UTF_8)));
        if (browser.findElements(By.id("progress")).isEmpty()) {
            return;
        }
        // The verifier's first reading of the log: the page shows its progress, then the verdict.
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver -> {
            driver.navigate().refresh();
            return driver.findElements(By.id("progress")).isEmpty();
        });
    }

    private String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
