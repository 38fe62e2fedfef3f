package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** An event of the trail says the same in the API's English and on a page, in English or in Chinese. */
class EventSentencesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theApiDescribesAnEventInEnglishAsBefore() throws Exception {
        JsonNode revised = JSON.readTree("""
                {"roundId":"preliminary","jurorId":"juror-1","submissionId":"e1","revision":2,
                 "marks":{"artistic-impact":9},"reason":"rewatched"}""");
        assertThat(EventDescriptions.describe("ScoreRevised", revised, "juror-1")).isEqualTo(
                "juror 1 revised their score of entry e1 in round preliminary (revision 2): artistic-impact 9 — rewatched"
                        .replace("juror 1", "juror juror-1"));
        assertThat(EventDescriptions.describe("JurorAccessRevoked", JSON.readTree("{\"jurorId\":\"juror-2\"}"), null))
                .isEqualTo("someone revoked juror juror-2's access");
        assertThat(EventDescriptions.describe("JurorsAssigned",
                JSON.readTree("{\"roundId\":\"r\",\"assignments\":[1,2,3],\"automatic\":true}"), "organiser"))
                .isEqualTo("organiser assigned 3 juror-entry pair(s) in round r automatically");
        assertThat(EventDescriptions.describe("SomethingNew", JSON.readTree("{}"), "organiser"))
                .isEqualTo("organiser recorded SomethingNew");
    }

    @Test
    void aPageTellsItInTheReadersLanguage() throws Exception {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(EventDescriptions.BUNDLE.replace('.', '/'));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setAlwaysUseMessageFormat(true);
        TrailSentences sentences = new TrailSentences(messages);
        JsonNode payload = JSON.readTree("{\"roundId\":\"preliminary\",\"categoryId\":\"best-film\","
                + "\"submissionId\":\"e6\",\"awardId\":\"a1\",\"competitionId\":\"c\"}");
        TrailReading.TrailEvent conferred = new TrailReading.TrailEvent(1450, "AwardConferred", "c", 1, null, null,
                "organiser", "ORGANISER", null, null, null, payload, null, "h", "p");
        try {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
            assertThat(sentences.of(conferred)).isEqualTo("organiser 将奖项 best-film 授予参赛作品 e6（奖项编号 a1）");
            org.springframework.context.i18n.LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(sentences.of(conferred)).isEqualTo(EventDescriptions.describe("AwardConferred", payload, "organiser"))
                    .isEqualTo("organiser conferred best-film on entry e6 (award a1)");
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
