package org.festivalledger.submission;

import org.festivalledger.Accessibility;
import org.festivalledger.EntrantApiSignIn;
import org.festivalledger.Festival;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantOutbox;
import org.festivalledger.entrant.EntrantSignInLinks;
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
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * Announcing a competition and taking in its entries through the organiser's pages alone, in a real headless
 * Chromium, in Chinese and in English: the competitions, the announcement (a row added, a refusal shown next to its
 * field), an entry recorded after a refusal, a CSV file uploaded through the file input (a bad line refused, then the
 * fixed file imported), the list searched, an entry withdrawn with its history. Every page is checked by axe-core and
 * photographed ({@code organiser-entries-<page>-<language>.png}). And an entry an entrant sent: who sent it, the
 * notifications to them, one resent ({@code organiser-entries-notifications-<language>.png}).
 */
class EntryPagesBrowserTest extends LedgerTestApplication {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static ChromeDriver browser;

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

    @Autowired
    EntrantOutbox outbox;

    @BeforeAll
    static void startBrowser() {
        browser = HeadlessChromium.start();
        browser.manage().window().setSize(new Dimension(1280, 1400));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOrganiserAnnouncesACompetitionAndTakesInItsEntriesInChineseAndInEnglish() throws IOException {
        signIn();
        walkThrough("zh-CN", "browser-zh");
        walkThrough("en", "browser-en");
    }

    @Test
    void anOrganiserSeesWhoSentAnEntryAndResendsItsNotificationInChineseAndInEnglish() throws IOException {
        String competition = "browser-notified";
        assertThat(api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send().status())
                .isEqualTo(201);
        String email = "mei-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        EntrantApiSignIn.SignedIn mei = EntrantApiSignIn.signIn(api, directory, links, email);
        signIn();
        for (String language : List.of("zh-CN", "en")) {
            boolean chinese = language.equals("zh-CN");
            Map<String, Object> film = new HashMap<>(Festival.entry(chinese ? "潮汐记忆" : "Tidal Memory"));
            String id = mei.as(api.post("/api/competitions/" + competition + "/entries")).json(film).send().json()
                    .get("id").asText();
            new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> !outbox.about(id).isEmpty());
            String entry = "/organiser/competitions/" + competition + "/entries/" + id;
            browser.get(url("/language?lang=" + language + "&back=" + entry));
            assertThat(path()).isEqualTo(entry);
            assertThat(browser.findElement(By.id("submitter")).getText()).isEqualTo(email);
            press("#notification-1 form button");
            assertThat(path()).isEqualTo(entry);
            assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isNotBlank();
            String notification = browser.findElement(By.id("notification-1")).getText();
            assertThat(notification).contains(chinese ? "作品接收回执" : "Receipt of the entry")
                    .contains(chinese ? "organiser 要求重新发送" : "resend requested by organiser");
            assertThat(HAN.matcher(browser.findElement(By.id("notifications-heading")).getText()).find())
                    .isEqualTo(chinese);
            browser.executeScript("arguments[0].scrollIntoView({block: 'start'});",
                    browser.findElement(By.id("notifications-heading")));
            look("notifications", language, chinese);
        }
    }

    private void walkThrough(String language, String competition) throws IOException {
        boolean chinese = language.equals("zh-CN");
        browser.get(url("/language?lang=" + language + "&back=/organiser"));
        assertThat(path()).isEqualTo("/organiser");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(language);
        look("competitions", language, chinese);

        // Announce: a row added without JavaScript, then a refusal next to its field, then announced.
        browser.findElement(By.cssSelector("main a[href='/organiser/competitions/new']")).click();
        type("name", "AIGC Short Film Unit " + language);
        type("edition", "2027");
        type("id", competition);
        browser.executeScript("arguments[0].value = '2099-03-31T23:59';",
                browser.findElement(By.id("rules.submissionDeadline")));
        type("rules.maxRuntimeMinutes", "30");
        criterion(0, "artistic-impact", chinese ? "艺术感染力" : "Artistic impact", "0.4");
        criterion(1, "thematic-expression", chinese ? "主题表达" : "Thematic expression", "0.3");
        criterion(2, "innovative-ai-use", chinese ? "AI 技术创新运用" : "Innovative use of AI", "0.3");
        press("button[name=more][value=criterion]");
        assertThat(browser.findElements(By.id("criteria[3].weight"))).hasSize(1);
        assertThat(browser.findElement(By.id("criteria[2].name")).getAttribute("value")).isNotEmpty();
        criterion(3, "sound", chinese ? "声音设计" : "Sound design", "0");
        type("awardCategories[0].id", "best-film");
        type("awardCategories[0].name", chinese ? "最佳 AIGC 短片" : "Best AIGC Short Film");
        type("awardCategories[1].id", "jury-prize");
        type("awardCategories[1].name", chinese ? "评审团特别奖" : "Special Jury Prize");
        browser.findElement(By.id("awardCategories[1].jointWinnersAllowed")).click();
        press("form.announce button:not([name])");
        WebElement weight = browser.findElement(By.id("criteria[3].weight"));
        assertThat(weight.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("criteria[3].weight-problem")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("AIGC Short Film Unit " + language);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});", weight);
        look("announce", language, chinese);
        weight.clear();
        weight.sendKeys("0.2");
        press("form.announce button:not([name])");
        assertThat(path()).isEqualTo("/organiser/competitions/" + competition);
        assertThat(api.get("/api/competitions/" + competition).as(ORGANISER).send().json().get("criteria")).hasSize(4);

        // Record one entry: too long for the rules, refused next to the runtime; then recorded.
        String entries = "/organiser/competitions/" + competition + "/entries";
        browser.get(url(entries));
        browser.findElement(By.cssSelector("main a[href='" + entries + "/new']")).click();
        type("title", chinese ? "纸月亮" : "Paper Moons");
        type("team", "Li Wei\nAna Souza");
        type("country", "CN");
        type("runtimeMinutes", "45");
        new Select(browser.findElement(By.id("aiWorkflow"))).selectByValue("FULLY_GENERATED");
        type("aiTools", "Runway\nSuno");
        type("synopsis", chinese ? "风筝匠人的最后一个夏天。" : "A kite-maker's last summer.");
        type("id", "paper-moons-" + language);
        press("main form button");
        assertThat(browser.findElement(By.id("runtimeMinutes-problem")).getText())
                .contains(chinese ? "时长" : "at most 30");
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo(chinese ? "纸月亮" : "Paper Moons");
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'});",
                browser.findElement(By.id("runtimeMinutes")));
        look("record", language, chinese);
        WebElement runtime = browser.findElement(By.id("runtimeMinutes"));
        runtime.clear();
        runtime.sendKeys("12");
        press("main form button");
        assertThat(path()).isEqualTo(entries + "/paper-moons-" + language);

        // Withdraw it with a reason; the history says who did what, and why.
        type("withdrawal-reason", chinese ? "已与发行方签约" : "signed with a distributor");
        press("form[action$='/withdrawal'] button");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isNotBlank();
        List<String> history = browser.findElements(By.cssSelector("#history-heading + .table-wrap tbody tr")).stream()
                .map(WebElement::getText).toList();
        // Received, withdrawn (and, once the judging has recorded it, out of contention).
        assertThat(history).hasSizeGreaterThanOrEqualTo(2);
        assertThat(history.get(0)).contains(chinese ? "作品被竞赛单元接收" : "Received into the competition");
        assertThat(history.get(1)).contains(chinese ? "作品撤回" : "Withdrawn").contains("organiser")
                .contains(chinese ? "已与发行方签约" : "signed with a distributor");
        look("entry", language, chinese);

        // Import a CSV file through the file input: one bad line among 50 refused, shown by its line; then fixed.
        browser.get(url(entries + "/import"));
        upload(fifty(language, 23));
        WebElement badLine = browser.findElement(By.id("line-24"));
        assertThat(badLine.getText()).contains(language + "-23,Film 23")
                .contains(chinese ? "片长：45 分钟，本竞赛单元最长允许 30 分钟"
                        : "Runtime: 45 minutes; the competition allows at most 30");
        assertThat(browser.findElements(By.cssSelector(".line-problems tbody tr"))).hasSize(1);
        look("import", language, chinese);
        upload(fifty(language, 0));
        assertThat(path()).isEqualTo(entries);
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("50");
        assertThat(api.get("/api/competitions/" + competition + "/submissions").as(ORGANISER).send().json())
                .hasSize(51);

        // The list, searched: a GET form, so the address can be shared.
        type("q", "film 1");
        new Select(browser.findElement(By.id("status"))).selectByValue("RECEIVED");
        press("form.search button");
        assertThat(browser.getCurrentUrl()).contains("q=film+1").contains("status=RECEIVED");
        assertThat(browser.findElements(By.cssSelector(".table-wrap tbody tr"))).hasSize(11);
        look("entries", language, chinese);
    }

    private static String fifty(String prefix, int bad) {
        StringBuilder csv = new StringBuilder("id,title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n");
        for (int n = 1; n <= 50; n++) {
            csv.append(prefix).append('-').append(n).append(",Film ").append(n).append(",Li Wei;Ana Souza,")
                    .append(n % 2 == 0 ? "CN" : "FR").append(',').append(n == bad ? 45 : 12)
                    .append(",A film,Runway,HYBRID\n");
        }
        return csv.toString();
    }

    private void upload(String csv) throws IOException {
        Path file = Files.createTempFile("entries", ".csv");
        Files.writeString(file, csv);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        press("form[enctype='multipart/form-data'] button");
    }

    private void signIn() {
        browser.manage().deleteAllCookies();
        browser.get(url("/organiser/login"));
        browser.findElement(By.id("username")).sendKeys("organiser");
        browser.findElement(By.id("password")).sendKeys("organiser-demo");
        press("form button[type=submit]");
    }

    private static void criterion(int row, String id, String name, String weight) {
        String at = "criteria[" + row + "].";
        type(at + "id", id);
        type(at + "name", name);
        type(at + "weight", weight);
        type(at + "min", "0");
        type(at + "max", "10");
    }

    private static void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void look(String page, String language, boolean chinese) throws IOException {
        HeadlessChromium.screenshot(browser, "organiser-entries-" + page + "-" + language);
        Accessibility.assertNoSeriousViolations(browser);
        String heading = browser.findElement(By.tagName("h1")).getText();
        assertThat(HAN.matcher(heading).find()).as("the heading '" + heading + "' in " + language).isEqualTo(chinese);
        assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
    }

    private static void press(String selector) {
        WebElement pressed = browser.findElement(By.cssSelector(selector));
        pressed.click();
        // The page it was on is gone once the answer is shown (Chromium may say so as "stale" or as a node that no
        // longer belongs to the document).
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                pressed.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    private static String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
