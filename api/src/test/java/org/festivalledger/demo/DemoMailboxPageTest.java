package org.festivalledger.demo;

import org.festivalledger.Accessibility;
import org.festivalledger.FestivalLedgerApplication;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.OrganiserSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In demo mode a newcomer follows an entrant's sign-in link without a mail server: the mail lands on
 * {@code /demo/mailbox}, whose link opens the sign-in page. The mailbox page in a real browser, in both languages,
 * axe-core clean ({@code demo-mailbox-<language>.png}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DemoMailboxPageTest {

    private static final Pattern LINK = Pattern.compile("href=\"(http://[^\"]+/entrant/sign-in\\?link=(el_[A-Za-z0-9_-]+))\"");

    static {
        FestivalLedgerApplication.quietAxon();
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        String data = Files.createTempDirectory("ledger-demo-mailbox-test").toString();
        registry.add("ledger.data-dir", () -> data);
        registry.add("server.shutdown", () -> "immediate");
        registry.add("ledger.demo.enabled", () -> "true");
        registry.add("ledger.http.rate-limit.enabled", () -> "false");
    }

    @LocalServerPort
    int port;

    @Test
    void aNewcomerFollowsTheSignInLinkFromTheDemoMailbox() throws IOException {
        String email = "newcomer-" + UUID.randomUUID() + "@example.org";
        OrganiserSession visitor = OrganiserSession.visitor(port);
        assertThat(visitor.submit("/entrant", "/entrant/sign-in-links", Map.of("email", email, "language", "en"))
                .statusCode()).isEqualTo(302);

        HttpResponse<String> mailbox = visitor.get("/demo/mailbox");
        assertThat(mailbox.statusCode()).isEqualTo(200);
        assertThat(mailbox.body()).contains("Demo mailbox").contains(email).contains("Your sign-in link");
        Matcher link = LINK.matcher(mailbox.body());
        assertThat(link.find()).as(mailbox.body()).isTrue();

        URI opened = URI.create(link.group(1));
        String page = opened.getRawPath() + "?" + opened.getRawQuery();
        assertThat(visitor.get(page).statusCode()).isEqualTo(200);
        assertThat(visitor.submit(page, "/entrant/sign-in", Map.of("link", link.group(2))).statusCode()).isEqualTo(302);
        assertThat(visitor.get("/entrant").body()).contains(email).contains("en_");

        ChromeDriver browser = HeadlessChromium.start();
        try {
            for (String language : new String[]{"en", "zh-CN"}) {
                browser.get("http://localhost:" + port + "/language?lang=" + language + "&back=/demo/mailbox");
                assertThat(browser.findElement(By.tagName("h1")).getText())
                        .isEqualTo(language.equals("en") ? "Demo mailbox" : "演示邮箱");
                Accessibility.assertNoSeriousViolations(browser);
                HeadlessChromium.screenshot(browser, "demo-mailbox-" + language);
            }
        } finally {
            browser.quit();
        }
    }
}
