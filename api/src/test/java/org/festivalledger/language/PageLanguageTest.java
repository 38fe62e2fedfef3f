package org.festivalledger.language;

import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Which language a page is written in: the browser's wish, then the visitor's choice, remembered. */
class PageLanguageTest extends LedgerTestApplication {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBrowserAskingForChineseGetsTheChinesePage() throws Exception {
        HttpResponse<String> page = get("/", "Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8");
        assertThat(page.body()).contains("<html lang=\"zh-CN\"").contains("电影节账本");
    }

    @Test
    void aBrowserAskingForALanguageNotOfferedGetsEnglish() throws Exception {
        HttpResponse<String> page = get("/", "Accept-Language", "de-DE,fr;q=0.8");
        assertThat(page.body()).contains("<html lang=\"en\"").contains("Festival ledger");
    }

    @Test
    void theSwitcherRemembersTheChoiceAndGoesBack() throws Exception {
        HttpResponse<String> switched = get("/language?lang=zh-CN&back=/competitions/x", "Accept-Language", "en");
        assertThat(switched.statusCode()).isEqualTo(302);
        assertThat(switched.headers().firstValue("Location").orElseThrow()).endsWith("/competitions/x");
        String cookie = switched.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(ChosenLanguage.COOKIE + "=")).findFirst().orElseThrow();
        assertThat(cookie).contains("zh-CN").contains("HttpOnly").contains("SameSite=Lax");

        HttpResponse<String> page = get("/", "Cookie", cookie.substring(0, cookie.indexOf(';')), "Accept-Language", "en");
        assertThat(page.body()).contains("<html lang=\"zh-CN\"");
    }

    @Test
    void theSwitcherNeverSendsAVisitorToAnotherSite() throws Exception {
        for (String back : new String[]{"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"}) {
            HttpResponse<String> switched = get("/language?lang=en&back=" + java.net.URLEncoder.encode(back,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(switched.headers().firstValue("Location").orElseThrow()).as(back)
                    .isEqualTo("http://localhost:" + port + "/");
        }
    }

    @Test
    void theErrorPageIsWrittenInTheVisitorsLanguage() throws Exception {
        for (String path : new String[]{"/no-such-page", "/competitions/no-such-competition"}) {
            HttpResponse<String> chinese = get(path, "Accept", "text/html", "Cookie", ChosenLanguage.COOKIE + "=zh-CN");
            assertThat(chinese.statusCode()).as(path).isEqualTo(404);
            assertThat(chinese.body()).as(path).contains("<html lang=\"zh-CN\"").contains("找不到页面")
                    .contains("此地址没有任何内容").doesNotContain("Page not found");

            HttpResponse<String> english = get(path, "Accept", "text/html", "Accept-Language", "en");
            assertThat(english.statusCode()).as(path).isEqualTo(404);
            assertThat(english.body()).as(path).contains("<html lang=\"en\"").contains("Page not found");
        }
    }

    private HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
