package org.festivalledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * A whole festival through the pages alone, in Chinese, in real headless Chromium: from a competition nobody has
 * announced to its published results. An organiser announces it, imports 50 entries from a CSV file (one bad line
 * refused, then the fixed file taken), rules one ineligible, appoints four jurors (one signs in, in a browser of
 * their own, through the link the page showed once), declares a conflict, opens a round and assigns it; the juror
 * scores on the juror's pages; the organiser closes the round, draws the shortlist, confers the award, schedules a
 * screening (an overlapping one refused next to its start) and publishes; the public page shows the award. Nothing
 * here is sent through the JSON API: it is only read, to check what the pages recorded. Every page on the way is
 * photographed ({@code festival-zh-CN-NN-<page>.png}) and checked by axe-core.
 */
class FestivalInTheBrowserTest extends LedgerTestApplication {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    private static ChromeDriver organiser;
    private static ChromeDriver juror;
    private int shot;

    @BeforeAll
    static void startBrowsers() {
        organiser = HeadlessChromium.start();
        organiser.manage().window().setSize(new Dimension(1280, 1400));
        juror = HeadlessChromium.start();
        juror.manage().window().setSize(new Dimension(412, 915));
    }

    @AfterAll
    static void stopBrowsers() {
        for (ChromeDriver browser : new ChromeDriver[]{organiser, juror}) {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    @Test
    void anEmptyCompetitionIsTakenToPublishedResultsThroughThePagesAloneInChinese() throws IOException {
        String competition = "aigc-" + UUID.randomUUID().toString().substring(0, 6);
        String console = "/organiser/competitions/" + competition;
        assertThat(api.get("/api/competitions/" + competition).as(ORGANISER).send().status()).isEqualTo(404);

        // The organiser signs in and chooses Chinese with the switcher.
        organiser.get(url("/organiser/login"));
        organiser.findElement(By.id("username")).sendKeys("organiser");
        organiser.findElement(By.id("password")).sendKeys("organiser-demo");
        press(organiser, "form button[type=submit]");
        organiser.findElement(By.cssSelector(".languages a[hreflang='zh-CN']")).click();
        assertThat(organiser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        look(organiser, "competitions");

        // Announce the competition: three criteria, one award.
        organiser.findElement(By.cssSelector("main a[href='/organiser/competitions/new']")).click();
        type(organiser, "id", competition);
        type(organiser, "name", "AIGC 短片竞赛单元");
        type(organiser, "edition", "2027");
        organiser.executeScript("arguments[0].value = '2099-03-31T23:59';",
                organiser.findElement(By.id("rules.submissionDeadline")));
        type(organiser, "rules.maxRuntimeMinutes", "30");
        criterion(0, "artistic-impact", "艺术感染力", "0.4");
        criterion(1, "thematic-expression", "主题表达", "0.3");
        criterion(2, "innovative-ai-use", "AI 技术创新运用", "0.3");
        type(organiser, "awardCategories[0].id", "best-film");
        type(organiser, "awardCategories[0].name", "最佳 AIGC 短片");
        look(organiser, "announce");
        press(organiser, "form.announce button:not([name])");
        assertThat(path(organiser)).isEqualTo(console);
        look(organiser, "overview");

        // Import 50 entries: line 24 runs too long and the whole file is refused, that line shown; then fixed.
        organiser.get(url(console + "/entries/import"));
        upload(fifty(competition, 23));
        assertThat(organiser.findElement(By.id("line-24")).getText()).contains("片长");
        assertThat(api.get("/api/competitions/" + competition + "/submissions").as(ORGANISER).send().json())
                .as("all or nothing").isEmpty();
        look(organiser, "import-refused");
        upload(fifty(competition, 0));
        assertThat(path(organiser)).isEqualTo(console + "/entries");
        look(organiser, "entries");

        // Rule the last entry ineligible, with its reason.
        String ineligible = competition + "-50";
        organiser.get(url(console + "/entries/" + ineligible));
        type(organiser, "ineligibility-reason", "片中使用的音乐未获授权");
        press(organiser, "form[action$='/ineligibility'] button");
        look(organiser, "entry-ineligible");
        assertThat(submission(competition, ineligible).get("status").asText()).isEqualTo("INELIGIBLE");

        // Appoint four jurors; the first one's sign-in link, shown once, goes to the juror.
        List<String> links = new ArrayList<>();
        String[] names = {"李娜", "Ava Lindqvist", "王强", "Kenji Mori"};
        for (int n = 1; n <= 4; n++) {
            organiser.get(url(console + "/jurors"));
            type(organiser, "id", "juror-" + n);
            type(organiser, "name", names[n - 1]);
            press(organiser, "form[action$='/jurors'] button");
            links.add(organiser.findElement(By.id("sign-in-link")).getAttribute("value"));
            if (n == 1) {
                look(organiser, "juror-link");
            }
        }
        assertThat(links).allMatch(link -> link.contains("/juror/sign-in?link=jl_")).doesNotHaveDuplicates();

        juror.get(url("/language?lang=zh-CN&back=/"));
        juror.get(links.get(0));
        look(juror, "juror-sign-in");
        press(juror, "form.sign-in button");
        assertThat(path(juror)).startsWith("/juror");

        // A conflict: the second juror made the first film.
        organiser.get(url(console + "/jurors"));
        new Select(organiser.findElement(By.id("conflict-jurorId"))).selectByValue("juror-2");
        type(organiser, "conflict-submissionId", competition + "-1");
        type(organiser, "conflict-reason", "该评委是这部影片的制片人");
        press(organiser, "form[action$='/jurors/conflicts'] button");
        look(organiser, "jurors");

        // Open the preliminary round (one juror per entry) and assign it after the preview.
        organiser.get(url(console + "/rounds/new"));
        type(organiser, "id", "preliminary");
        type(organiser, "name", "初评");
        organiser.findElement(By.id("aggregation-MEAN")).click();
        type(organiser, "jurorsPerEntry", "1");
        type(organiser, "minScoresPerEntry", "1");
        organiser.findElement(By.id("entries-all")).click();
        look(organiser, "round-new");
        press(organiser, "form[action$='/rounds'] button");
        organiser.get(url(console + "/rounds/preliminary/assignments/automatic"));
        look(organiser, "assignment-preview");
        press(organiser, "form[action$='/assignments/automatic'] button");
        assertThat(organiser.getCurrentUrl()).endsWith("?assigned");

        // The juror scores three of their films on their own pages, best first.
        juror.get(url("/juror"));
        look(juror, "juror-entries");
        List<String> films = juror.findElements(By.cssSelector("a[href*='/juror/rounds/preliminary/entries/']"))
                .stream().map(link -> link.getAttribute("href")).limit(3).toList();
        assertThat(films).hasSize(3);
        int mark = 9;
        for (String film : films) {
            juror.get(film);
            for (String criterion : new String[]{"artistic-impact", "thematic-expression", "innovative-ai-use"}) {
                type(juror, "marks." + criterion, String.valueOf(mark));
            }
            if (mark == 9) {
                look(juror, "juror-entry");
            }
            press(juror, "form.score button");
            mark--;
        }
        String best = films.get(0).substring(films.get(0).lastIndexOf('/') + 1);

        // Close the round, draw a shortlist of two.
        organiser.get(url(console + "/rounds/preliminary"));
        look(organiser, "round");
        press(organiser, "form[action$='/close'] button");
        type(organiser, "size", "2");
        type(organiser, "rationale", "得分最高的两部影片进入决选");
        press(organiser, "form[action*='/shortlist'] button");
        assertThat(organiser.getCurrentUrl()).contains("?shortlisted");
        look(organiser, "shortlist");

        // Confer the award on the best film.
        organiser.get(url(console));
        new Select(organiser.findElement(By.id("categoryId"))).selectByValue("best-film");
        type(organiser, "submissionId", best);
        type(organiser, "citation", "以风筝为喻，讲述人与机器共同的梦。");
        press(organiser, "form[action$='/awards'] button");
        assertThat(organiser.getCurrentUrl()).endsWith("?conferred");

        // A venue and a screening of the winner; one overlapping it is refused next to its start.
        organiser.get(url(console + "/programme/venues/new"));
        type(organiser, "name", "怀柔影剧院一号厅");
        type(organiser, "id", "hall-1");
        type(organiser, "capacity", "420");
        type(organiser, "changeoverMinutes", "15");
        press(organiser, "form.programme-form button");
        schedule("winners", "获奖影片展映", "2027-04-17T14:00", best);
        assertThat(organiser.getCurrentUrl()).contains("?scheduled=winners");
        long before = ledger.head().position();
        schedule("second", "入围影片展映", "2027-04-17T14:05", films.get(1).substring(films.get(1).lastIndexOf('/') + 1));
        assertThat(organiser.findElement(By.id("startsAt-problem")).getText()).containsPattern(HAN)
                .contains("获奖影片展映");
        assertThat(organiser.findElement(By.id("title")).getAttribute("value")).isEqualTo("入围影片展映");
        assertThat(ledger.head().position()).as("the refused screening recorded nothing").isEqualTo(before);
        look(organiser, "screening-refused");
        organiser.get(url(console + "/programme"));
        look(organiser, "programme");

        // Publish; the public page shows the award, in Chinese.
        organiser.get(url(console));
        press(organiser, "form[action$='/publication'] button");
        assertThat(organiser.getCurrentUrl()).endsWith("?published");
        look(organiser, "published");
        juror.get(url("/competitions/" + competition));
        assertThat(juror.findElement(By.tagName("main")).getText()).contains("以风筝为喻").contains("最佳 AIGC 短片");
        look(juror, "public-results");

        JsonNode awards = api.get("/api/competitions/" + competition + "/awards").as(ORGANISER).send().json();
        assertThat(awards).hasSize(1);
        assertThat(awards.get(0).get("submissionId").asText()).isEqualTo(best);
    }

    private void schedule(String id, String title, String startsAt, String film) {
        organiser.get(url("/organiser/competitions/" + competitionOf(organiser) + "/programme/screenings/new"));
        type(organiser, "title", title);
        type(organiser, "id", id);
        new Select(organiser.findElement(By.id("venueId"))).selectByValue("hall-1");
        organiser.executeScript("document.getElementById('startsAt').value = arguments[0];", startsAt);
        organiser.findElement(By.cssSelector("input[value='" + film + "']")).click();
        press(organiser, "form.programme-form button");
    }

    private static String competitionOf(ChromeDriver browser) {
        String path = path(browser);
        return path.split("/")[3];
    }

    private JsonNode submission(String competition, String id) {
        JsonNode all = api.get("/api/competitions/" + competition + "/submissions").as(ORGANISER).send().json();
        return StreamSupport.stream(all.spliterator(), false).filter(entry -> entry.get("id").asText().equals(id))
                .findFirst().orElseThrow();
    }

    private static String fifty(String prefix, int bad) {
        StringBuilder csv = new StringBuilder("id,title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n");
        for (int n = 1; n <= 50; n++) {
            csv.append(prefix).append('-').append(n).append(",影片 ").append(n).append(",李伟;Ana Souza,")
                    .append(n % 2 == 0 ? "CN" : "FR").append(',').append(n == bad ? 45 : 12)
                    .append(",一部关于梦的短片,Runway,HYBRID\n");
        }
        return csv.toString();
    }

    private void upload(String csv) throws IOException {
        Path file = Files.createTempFile("entries", ".csv");
        Files.writeString(file, csv);
        organiser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        press(organiser, "form[enctype='multipart/form-data'] button");
    }

    private static void criterion(int row, String id, String name, String weight) {
        String at = "criteria[" + row + "].";
        type(organiser, at + "id", id);
        type(organiser, at + "name", name);
        type(organiser, at + "weight", weight);
        type(organiser, at + "min", "0");
        type(organiser, at + "max", "10");
    }

    private static void type(ChromeDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void press(ChromeDriver browser, String button) {
        HeadlessChromium.press(browser, button);
    }

    /** Photographs the page in order, checks it is the Chinese page, and runs axe-core on it. */
    private void look(ChromeDriver browser, String page) throws IOException {
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).as(page).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).as(page).containsPattern(HAN);
        HeadlessChromium.screenshot(browser, String.format("festival-zh-CN-%02d-%s", ++shot, page));
        Accessibility.assertNoSeriousViolations(browser);
    }

    private static String path(ChromeDriver browser) {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
