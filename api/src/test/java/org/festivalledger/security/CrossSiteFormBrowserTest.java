package org.festivalledger.security;

import com.sun.net.httpserver.HttpServer;
import org.festivalledger.Api.Reply;
import org.festivalledger.HeadlessChromium;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * An attacker's page on another origin auto-submits forms to the API in headless Chromium while the browser holds
 * the organiser's Basic credentials (sent with every request it makes, as a browser that had cached them would).
 * Every forged command is refused and the ledger's head does not move.
 */
class CrossSiteFormBrowserTest extends LedgerTestApplication {

    private static ChromeDriver browser;
    private static HttpServer attacker;

    @BeforeAll
    static void start() throws IOException {
        browser = HeadlessChromium.start();
        attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        attacker.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (attacker != null) {
            attacker.stop(0);
        }
    }

    @Test
    void autoSubmittedCrossSiteFormsWithCachedBasicCredentialsRecordNothing() throws Exception {
        Judging judging = Judging.judgedAndClosed(api, "csrf-page-" + UUID.randomUUID().toString().substring(0, 6),
                new int[]{3, 9, 5, 7});
        String c = "http://localhost:" + port + "/api/competitions/" + judging.competition;
        Reply award = api.post("/api/competitions/" + judging.competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "best-film", "submissionId", judging.entries.get(1),
                        "citation", "Under embargo")).send();
        assertThat(award.status()).isEqualTo(201);

        // The browser now sends the organiser's credentials with every request, to any origin's forms too.
        String basic = Base64.getEncoder().encodeToString(ORGANISER.getBytes(StandardCharsets.UTF_8));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("Authorization", "Basic " + basic)));
        long before = ledger.head().position();

        attack("publish", "<form method='post' action='" + c + "/publication'></form>");
        attack("close", "<form method='post' action='" + c + "/rounds/preliminary/close'></form>");
        attack("import", "<form method='post' enctype='text/plain' action='" + c + "/submissions/import'>"
                + "<input name='title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow&#10;Forged,Mallory,FR,10,x,Sora,HYBRID&#10;x'"
                + " value='y'></form>");
        attack("juror", "<form method='post' enctype='text/plain' action='" + c + "/jurors'>"
                + "<input name='{\"name\":\"Mallory\",\"x\":\"' value='\"}'></form>");
        attack("award", "<form method='post' action='" + c + "/awards'>"
                + "<input name='categoryId' value='jury-prize'><input name='submissionId' value='"
                + judging.entries.get(2) + "'><input name='citation' value='forged'></form>");

        assertThat(ledger.head().position()).as("no forged command was recorded").isEqualTo(before);
        assertThat(api.get("/api/public/competitions/" + judging.competition + "/results").send().status())
                .as("still under embargo").isEqualTo(404);
    }

    /** Serves a page on the attacker's origin that submits its form on load, and waits for the API's answer. */
    private void attack(String name, String form) throws IOException {
        String page = "<!doctype html><html><body>" + form
                + "<script>document.forms[0].submit()</script></body></html>";
        attacker.createContext("/" + name, exchange -> {
            byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        browser.get("http://127.0.0.1:" + attacker.getAddress().getPort() + "/" + name);
        // The form navigated the browser to the API, whose refusal is now the page.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.getCurrentUrl().startsWith("http://localhost:" + port + "/api/"));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver ->
                driver.getPageSource().contains("X-Requested-By"));
        HeadlessChromium.screenshot(browser, "cross-site-" + name);
    }
}
