package org.festivalledger.submission;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.Festival;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.http.FormOnce;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The organiser's pages for a competition's entries, as a browser without JavaScript uses them: recording one entry,
 * ruling it ineligible or withdrawing it with a reason, finding entries among many, importing a CSV file all or
 * nothing. Each form's refusal is shown next to its field with what was typed kept, and records nothing.
 */
class EntryPagesTest extends LedgerTestApplication {

    private String competition(String id) {
        Reply announced = api.post("/api/competitions").as(ORGANISER).json(Festival.competition(id)).send();
        assertThat(announced.status()).as(announced.toString()).isEqualTo(201);
        return "/organiser/competitions/" + id + "/entries";
    }

    private JsonNode entriesOf(String competition) {
        return api.get("/api/competitions/" + competition + "/submissions").as(ORGANISER).send().json();
    }

    private static Map<String, String> entryForm(String title, String runtime) {
        Map<String, String> form = new HashMap<>(Map.of("title", title, "team", "Li Wei\nAna Souza", "country", "CN",
                "runtimeMinutes", runtime, "aiWorkflow", "HYBRID", "aiTools", "Runway\nSuno",
                "synopsis", "A kite-maker's last summer."));
        form.put(FormOnce.FIELD, UUID.randomUUID().toString());
        return form;
    }

    @Test
    void anEntryRecordedOnThePageIsShownWithItsHistory() {
        String entries = competition("pages-record");
        OrganiserSession organiser = OrganiserSession.signIn(port);
        Map<String, String> form = entryForm("Paper Moons", "12");
        form.put("id", "paper-moons");

        HttpResponse<String> recorded = organiser.submit(entries + "/new", entries + "/new", form);

        assertThat(recorded.statusCode()).as(recorded.body()).isIn(302, 303);
        assertThat(recorded.headers().firstValue("Location").orElseThrow()).endsWith(entries + "/paper-moons?recorded");
        JsonNode onRecord = entriesOf("pages-record");
        assertThat(onRecord).hasSize(1);
        assertThat(onRecord.get(0).get("team").toString()).isEqualTo("[\"Li Wei\",\"Ana Souza\"]");
        assertThat(onRecord.get(0).get("aiDisclosure").get("tools").toString()).isEqualTo("[\"Runway\",\"Suno\"]");
        HttpResponse<String> page = organiser.get(entries + "/paper-moons?recorded");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The entry is recorded.").contains("Paper Moons").contains("Li Wei, Ana Souza")
                .contains("Generated and filmed material combined").contains("Received into the competition")
                .contains("12 min");
    }

    @Test
    void aRefusedEntryIsShownNextToItsFieldWithWhatWasTypedAndNothingIsRecorded() {
        String entries = competition("pages-record-refused");
        OrganiserSession organiser = OrganiserSession.signIn(port);

        HttpResponse<String> tooLong = organiser.submit(entries + "/new", entries + "/new",
                entryForm("The Long Goodbye", "45"));
        assertThat(tooLong.statusCode()).isEqualTo(409);
        assertThat(tooLong.body()).contains("id=\"runtimeMinutes-problem\"").contains("at most 30")
                .contains("value=\"The Long Goodbye\"").contains("value=\"45\"").contains("Li Wei\nAna Souza");

        Map<String, String> noTitle = entryForm(" ", "12");
        noTitle.put("runtimeMinutes", "twelve");
        HttpResponse<String> malformed = organiser.submit(entries + "/new", entries + "/new", noTitle);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("id=\"runtimeMinutes-problem\"").contains("whole number")
                .contains("value=\"twelve\"");

        Map<String, String> blank = entryForm(" ", "12");
        blank.put("aiWorkflow", "");
        HttpResponse<String> missing = organiser.submit(entries + "/new", entries + "/new", blank);
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"title-problem\"").contains("id=\"aiWorkflow-problem\"")
                .contains("aria-invalid=\"true\"").contains("A kite-maker&#39;s last summer.");

        assertThat(entriesOf("pages-record-refused")).isEmpty();
    }

    @Test
    void anEntryIsRuledIneligibleOnlyWithAReasonAndItsHistorySaysWhoAndWhy() {
        String entries = competition("pages-ruling");
        OrganiserSession organiser = OrganiserSession.signIn(port);
        Map<String, String> form = entryForm("Salt Tides", "14");
        form.put("id", "salt-tides");
        organiser.submit(entries + "/new", entries + "/new", form);
        String entry = entries + "/salt-tides";

        HttpResponse<String> noReason = organiser.submit(entry, entry + "/ineligibility",
                Map.of("reason", "  ", FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"ineligibility-reason-problem\"");
        assertThat(entriesOf("pages-ruling").get(0).get("status").asText()).isEqualTo("RECEIVED");

        HttpResponse<String> ruled = organiser.submit(entry, entry + "/ineligibility",
                Map.of("reason", "premiered before the festival", FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(ruled.statusCode()).as(ruled.body()).isIn(302, 303);
        assertThat(entriesOf("pages-ruling").get(0).get("status").asText()).isEqualTo("INELIGIBLE");
        String page = organiser.get(entry + "?ruled").body();
        assertThat(page).contains("The entry is ruled ineligible.").contains("Ruled ineligible")
                .contains("premiered before the festival").contains("organiser")
                .contains("no further decision").doesNotContain("/withdrawal\"");
        assertThat(page.indexOf("Received into the competition")).as("the history in ledger order")
                .isLessThan(page.lastIndexOf("premiered before the festival"));

        HttpResponse<String> withdrawn = organiser.submit(entries, entry + "/withdrawal",
                Map.of("reason", "the entrant asked", FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(withdrawn.statusCode()).isEqualTo(409);
        assertThat(withdrawn.body()).contains("class=\"problem\"").contains("INELIGIBLE");
        assertThat(entriesOf("pages-ruling").get(0).get("status").asText()).isEqualTo("INELIGIBLE");

        assertThat(organiser.get(entries + "/no-such-entry").statusCode()).isEqualTo(404);
    }

    @Test
    void theListFindsEntriesByWordsAndFiltersAPageAtATime() {
        String entries = competition("pages-list");
        StringBuilder csv = new StringBuilder(CsvImport.TEMPLATE.lines().findFirst().orElseThrow()).append('\n');
        for (int n = 1; n <= 120; n++) {
            // Entries imported together were received at one moment: the list orders them by id.
            csv.append(String.format("pl-%03d", n)).append(",").append(n % 10 == 0 ? "Moon " : "Film ").append(n)
                    .append(",Member ").append(n).append(n == 7 ? ";Hana Sato" : "").append(",")
                    .append(n % 2 == 0 ? "CN" : "FR").append(",10,,Runway,").append(n % 3 == 0 ? "HYBRID" : "AI_ASSISTED")
                    .append('\n');
        }
        Reply imported = api.post("/api/competitions/pages-list/submissions/import").as(ORGANISER)
                .contentType("text/csv").body(csv.toString()).send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        long withdrawn = api.post("/api/competitions/pages-list/submissions/pl-020/withdrawal").as(ORGANISER)
                .json(Map.of("reason", "signed with a distributor")).send().ledgerPosition();
        api.get("/api/competitions/pages-list/submissions?minPosition=" + withdrawn).as(ORGANISER).send();
        OrganiserSession organiser = OrganiserSession.signIn(port);

        String first = organiser.get(entries).body();
        assertThat(first).contains("120 of 120 entries match; lines 1 to 50 shown.")
                .contains("120 entries: 119 received, 0 ruled ineligible, 1 withdrawn.")
                .contains(">Film 1<").contains(">Film 49<").doesNotContain(">Film 51<")
                .contains("href=\"/organiser/competitions/pages-list/entries?page=2\"")
                .contains("href=\"/organiser/competitions/pages-list/entries/new\"")
                .contains("href=\"/organiser/competitions/pages-list/entries/import\"")
                .contains("href=\"/organiser/competitions/pages-list/entries/pl-001\"");
        assertThat(organiser.get(entries + "?page=3").body()).contains("lines 101 to 120 shown").contains(">Moon 120<");

        String moons = organiser.get(entries + "?q=MOON&country=CN&workflow=HYBRID").body();
        assertThat(moons).contains("4 of 120 entries match").contains(">Moon 30<").contains(">Moon 60<")
                .doesNotContain(">Moon 10<").contains("value=\"MOON\"");
        assertThat(organiser.get(entries + "?q=hana+sato").body()).contains("1 of 120 entries match").contains(">Film 7<");
        assertThat(organiser.get(entries + "?status=WITHDRAWN").body()).contains("1 of 120 entries match")
                .contains(">Moon 20<");
        String paged = organiser.get(entries + "?q=film&status=RECEIVED&page=2").body();
        assertThat(paged).contains("108 of 120 entries match; lines 51 to 100 shown.")
                .contains("href=\"/organiser/competitions/pages-list/entries?q=film&amp;status=RECEIVED&amp;page=3\"");
        assertThat(organiser.get(entries + "?q=nothing-like-this").body()).contains("No entry matches.");
        assertThat(organiser.get("/organiser/competitions/no-such/entries").statusCode()).isEqualTo(404);
    }

    /** 50 entries, the {@code bad}-th (if any) running longer than the competition allows. */
    private static String fifty(String prefix, int bad) {
        StringBuilder csv = new StringBuilder("id,title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n");
        for (int n = 1; n <= 50; n++) {
            csv.append(prefix).append(n).append(",Film ").append(n).append(",Li Wei;Ana Souza,CN,")
                    .append(n == bad ? 45 : 12).append(",\"A film, number ").append(n).append("\",Runway,HYBRID\n");
        }
        return csv.toString();
    }

    @Test
    void aCsvFileWithOneBadLineIsRefusedWithThatLineShownThenFixedAndImported() {
        String entries = competition("pages-import");
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> refused = organiser.upload(entries + "/import", entries + "/import",
                Map.of(FormOnce.FIELD, key), "file", "entries.csv", fifty("imp-", 17));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        // The 17th entry is on the file's 18th line: the header is line 1.
        assertThat(refused.body()).contains("Nothing was imported: 1 problems in the file.")
                .contains("id=\"line-18\"").contains("imp-17,Film 17,Li Wei;Ana Souza,CN,45,")
                .contains("Runtime: 45 minutes; the competition allows at most 30.");
        assertThat(entriesOf("pages-import")).isEmpty();

        HttpResponse<String> imported = organiser.upload(entries + "/import", entries + "/import",
                Map.of(FormOnce.FIELD, key), "file", "entries.csv", fifty("imp-", 0));

        assertThat(imported.statusCode()).as(imported.body()).isIn(302, 303);
        assertThat(imported.headers().firstValue("Location").orElseThrow()).endsWith(entries + "?imported=50");
        assertThat(entriesOf("pages-import")).hasSize(50);
        assertThat(organiser.get(entries + "?imported=50").body()).contains("50 entries were imported.");
    }

    @Test
    void aFileThatCannotBeReadIsRefusedLineByLine() {
        String entries = competition("pages-import-unreadable");
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String csv = fifty("unr-", 0).replace("unr-9,Film 9,Li Wei;Ana Souza,CN,12,", "unr-9,Film 9,Li Wei,CN,twelve,")
                .replace("unr-30,Film 30,Li Wei;Ana Souza,CN,12,\"A film, number 30\",Runway,HYBRID",
                        "unr-30,Film 30,Li Wei;Ana Souza,CN,12,\"A film, number 30\",Runway,ROBOTS");

        HttpResponse<String> refused = organiser.upload(entries + "/import", entries + "/import", Map.of(), "file",
                "entries.csv", csv);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Nothing was imported: 2 problems in the file.")
                .contains("id=\"line-10\"").contains("unr-9,Film 9,Li Wei,CN,twelve,").contains("Runtime: &#39;twelve&#39;")
                .contains("id=\"line-31\"").contains("AI workflow: &#39;ROBOTS&#39;");
        assertThat(entriesOf("pages-import-unreadable")).isEmpty();

        HttpResponse<String> header = organiser.upload(entries + "/import", entries + "/import", Map.of(), "file",
                "entries.csv", "name,title\nx,y\n");
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(header.body()).contains("id=\"line-1\"").contains("name,title");
    }

    @Test
    void theTemplateIsAFileTheImportAccepts() {
        String entries = competition("pages-template");
        OrganiserSession organiser = OrganiserSession.signIn(port);

        HttpResponse<String> template = organiser.get(entries + "/import/template.csv");

        assertThat(template.statusCode()).isEqualTo(200);
        assertThat(template.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(template.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        assertThat(template.body().lines().findFirst().orElseThrow())
                .isEqualTo("id,title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow");
        assertThat(template.body().lines()).hasSize(2);
        assertThat(organiser.upload(entries + "/import", entries + "/import", Map.of(), "file", "template.csv",
                template.body()).statusCode()).isIn(302, 303);
        assertThat(entriesOf("pages-template")).hasSize(1);
        assertThat(entriesOf("pages-template").get(0).get("title").asText()).isEqualTo("Paper Moons");
    }

    @Test
    void aLargeFileIsRecordedInTheBackgroundWhileAPageReportsItsProgress() {
        String entries = competition("pages-import-large");
        OrganiserSession organiser = OrganiserSession.signIn(port);
        StringBuilder csv = new StringBuilder("title,team,country,runtimeMinutes,aiWorkflow\n");
        for (int n = 1; n <= 600; n++) {
            csv.append("Film ").append(n).append(",Member ").append(n).append(",CN,10,HYBRID\n");
        }

        HttpResponse<String> started = organiser.upload(entries + "/import", entries + "/import",
                Map.of(FormOnce.FIELD, UUID.randomUUID().toString()), "file", "large.csv", csv.toString());

        assertThat(started.statusCode()).as(started.body()).isIn(302, 303);
        String progress = java.net.URI.create(started.headers().firstValue("Location").orElseThrow()).getPath();
        assertThat(progress).contains(entries + "/import/");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        HttpResponse<String> page = organiser.get(progress);
        while (page.statusCode() == 200 && Instant.now().isBefore(deadline)) {
            assertThat(page.body()).contains("600 lines were read and checked").contains("data-refresh-while-running")
                    .contains("Check again");
            page = organiser.get(progress);
        }
        assertThat(page.statusCode()).as(page.body()).isIn(302, 303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith(entries + "?imported=600");
        assertThat(entriesOf("pages-import-large")).hasSize(600);
        assertThat(OrganiserSession.signIn(port, "/auditor/login", "auditor", "auditor-demo").get(progress)
                .statusCode()).as("an import's page is its organiser's").isIn(403, 404);
    }
}
