package org.festivalledger.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * The auditor's exports over HTTP: standings as CSV equal to the JSON standings at the same position (read back with
 * a CSV library), formula-like titles neutralised; shortlists and awards as CSV; the jury report PDF, whose text
 * (read back with PDFBox) names every award and the head digest in English and in Chinese.
 */
class AuditorExportsTest extends LedgerTestApplication {

    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Test
    void theStandingsCsvEqualsTheJsonStandingsAtTheSamePositionWithFormulaeNeutralised() throws Exception {
        String competition = "csv-" + UUID.randomUUID().toString().substring(0, 6);
        Judging judging = Judging.withTitles(api, competition, List.of(FORMULA, "Paper Moons", "-1 Minus", "@Home"), 2);
        assertThat(judging.openRound("preliminary", 2, "MEAN", 2).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        int mark = 3;
        long middle = 0;
        for (String juror : List.of("juror-1", "juror-2")) {
            for (JsonNode entry : judging.mine("preliminary", juror)) {
                Reply scored = judging.score("preliminary", juror, entry.get("submissionId").asText(), mark, mark + 1,
                        mark % 7, null);
                assertThat(scored.status()).as(scored.toString()).isEqualTo(201);
                mark = mark % 9 + 2;
                middle = middle == 0 ? scored.ledgerPosition() : middle;
            }
        }
        String path = "/api/audit/competitions/" + competition + "/rounds/preliminary/standings.csv";
        for (long position : List.of(middle, judging.score("preliminary", "juror-1", judging.entries.get(0), 9, 9, 9,
                "seen again").ledgerPosition())) {
            JsonNode json = api.get(judging.path("preliminary") + "/standings?position=" + position).as(AUDITOR).send()
                    .json();
            Reply csv = api.get(path + "?position=" + position).as(AUDITOR).send();
            assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            List<Map<String, String>> rows = parse(csv.body());
            assertThat(rows).hasSize(json.get("rows").size());
            for (int i = 0; i < rows.size(); i++) {
                Map<String, String> row = rows.get(i);
                JsonNode expected = json.get("rows").get(i);
                assertThat(row.get("rank")).isEqualTo(expected.get("rank").asText());
                assertThat(row.get("submissionId")).isEqualTo(expected.get("submissionId").asText());
                assertThat(row.get("title")).isEqualTo(neutralised(expected.get("title").asText()));
                assertThat(row.get("scoresCount")).isEqualTo(expected.get("scoresCount").asText());
                assertThat(row.get("complete")).isEqualTo(expected.get("complete").asText());
                if (expected.get("score").isNull()) {
                    assertThat(row.get("score")).isEmpty();
                } else {
                    assertThat(new BigDecimal(row.get("score"))).isEqualByComparingTo(expected.get("score").decimalValue());
                }
                for (String criterion : List.of("artistic-impact", "thematic-expression", "innovative-ai-use")) {
                    JsonNode mean = expected.get("perCriterion").get(criterion);
                    if (mean == null || mean.isNull()) {
                        assertThat(row.get(criterion)).isEmpty();
                    } else {
                        assertThat(new BigDecimal(row.get(criterion))).isEqualByComparingTo(mean.decimalValue());
                    }
                }
            }
            assertThat(rows).extracting(row -> row.get("title"))
                    .contains("'" + FORMULA, "Paper Moons", "'-1 Minus", "'@Home");
        }

        // The organiser may read it too; the same ?asOf= as the JSON; bad input is a problem, not a 500.
        assertThat(api.get(path).as(ORGANISER).send().status()).isEqualTo(200);
        String now = api.get("/api/audit/head").send().json().get("timestamp").asText();
        assertThat(parse(api.get(path + "?asOf=" + now).as(AUDITOR).send().body())).hasSize(4);
        Reply bad = api.get(path + "?position=-3").as(AUDITOR).send();
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(path + "?asOf=yesterday").as(AUDITOR).send().status()).isEqualTo(400);
        assertThat(api.get("/api/audit/competitions/" + competition + "/rounds/nowhere/standings.csv").as(AUDITOR)
                .send().status()).isEqualTo(404);
        assertThat(judging.asJuror(api.get(path), "juror-1").send().status()).isEqualTo(403);
        assertThat(api.get(path).send().status()).isEqualTo(401);
    }

    @Test
    void theShortlistsAndAwardsExportsListEveryDecision() throws Exception {
        Judging judging = Judging.judgedAndClosed(api, "decisions-csv", new int[]{3, 9, 5, 7, 4, 8});
        String competition = judging.competition;
        assertThat(api.post(judging.path("preliminary") + "/shortlist").as(ORGANISER)
                .json(Map.of("size", 3, "rationale", "=the three strongest")).send().status()).isEqualTo(201);
        assertThat(api.post("/api/competitions/" + competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "best-film", "submissionId", judging.entries.get(1),
                        "citation", "A kite that flies in every frame")).send().status()).isEqualTo(201);

        List<Map<String, String>> shortlist = parse(api.get("/api/audit/competitions/" + competition
                + "/shortlists.csv").as(AUDITOR).send().body());
        assertThat(shortlist).extracting(row -> row.get("submissionId"))
                .containsExactly(judging.entries.get(1), judging.entries.get(5), judging.entries.get(3));
        assertThat(shortlist).allSatisfy(row -> assertThat(row.get("rationale")).isEqualTo("'=the three strongest"));
        List<Map<String, String>> awards = parse(api.get("/api/audit/competitions/" + competition + "/awards.csv")
                .as(AUDITOR).send().body());
        assertThat(awards).singleElement().satisfies(row -> {
            assertThat(row.get("category")).isEqualTo("Best AIGC Short Film");
            assertThat(row.get("title")).isEqualTo("Film 2");
            assertThat(row.get("citation")).isEqualTo("A kite that flies in every frame");
        });
        assertThat(api.get("/api/audit/competitions/" + competition + "/awards.csv").as(ORGANISER).send().status())
                .isEqualTo(403);
    }

    @Test
    void theJuryReportNamesEveryAwardAndTheHeadDigestInEnglishAndInChinese() throws Exception {
        Judging judging = Judging.judgedAndClosed(api, "report", new int[]{3, 9, 5, 7, 4, 8});
        String competition = judging.competition;
        assertThat(api.post(judging.path("preliminary") + "/shortlist").as(ORGANISER)
                .json(Map.of("size", 3, "rationale", "the three strongest")).send().status()).isEqualTo(201);
        assertThat(api.post("/api/competitions/" + competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "best-film", "submissionId", judging.entries.get(1),
                        "citation", "A kite that flies in every frame")).send().status()).isEqualTo(201);
        assertThat(api.post("/api/competitions/" + competition + "/awards").as(ORGANISER)
                .json(Map.of("categoryId", "jury-prize", "submissionId", judging.entries.get(5),
                        "citation", "一只在每一帧中飞翔的风筝")).send().status()).isEqualTo(201);
        String hash = api.get("/api/audit/head").send().json().get("hash").asText();

        String english = pdfText("/api/audit/competitions/" + competition + "/jury-report.pdf?lang=en", "jury-report-en");
        assertThat(english).contains("Jury report", "Awards", "Shortlists", "Juror calibration")
                .contains("Best AIGC Short Film", "Film 2", "A kite that flies in every frame")
                .contains("Special Jury Prize", "Film 6", "一只在每一帧中飞翔的风筝")
                .contains(hash);
        String chinese = pdfText("/api/audit/competitions/" + competition + "/jury-report.pdf?lang=zh-CN",
                "jury-report-zh-CN");
        assertThat(chinese).contains("评审报告", "奖项", "入围名单", "账本头部摘要")
                .contains("Best AIGC Short Film", "Film 2", "A kite that flies in every frame")
                .contains("Special Jury Prize", "Film 6", "一只在每一帧中飞翔的风筝")
                .contains(hash);

        Reply unknownLanguage = api.get("/api/audit/competitions/" + competition + "/jury-report.pdf?lang=fr")
                .as(AUDITOR).send();
        assertThat(unknownLanguage.status()).isEqualTo(400);
        assertThat(api.get("/api/audit/competitions/nowhere/jury-report.pdf").as(AUDITOR).send().status())
                .isEqualTo(404);
    }

    /** The PDF's text; its first page is also kept as a picture beside the pages' screenshots, for people. */
    private String pdfText(String path, String screenshot) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(AUDITOR.getBytes()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(response.body())) {
            Path shots = Files.createDirectories(Path.of("target", "screenshots"));
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 80), "png",
                    shots.resolve(screenshot + ".png").toFile());
            // Line breaks fall where the layout puts them: compare text with the spaces and breaks taken out.
            return new PDFTextStripper().getText(document).replaceAll("\\s*\\n\\s*", " ");
        }
    }

    private static List<Map<String, String>> parse(String csv) throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            return rows.readAll();
        }
    }

    private static String neutralised(String title) {
        return title.matches("^[=+\\-@\\t\\r].*") ? "'" + title : title;
    }
}
