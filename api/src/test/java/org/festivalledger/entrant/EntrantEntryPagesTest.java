package org.festivalledger.entrant;

import org.festivalledger.Api;
import org.festivalledger.EntrantPageSignIn;
import org.festivalledger.Festival;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The entrant's pages: send an entry to an open call, see it with its receipts, amend it, withdraw it with a reason;
 * refusals next to their fields with what was typed, a 4xx status, and nothing recorded.
 */
class EntrantEntryPagesTest extends LedgerTestApplication {

    private static final Pattern RECEIPT = Pattern.compile("href=\"/entrant/receipts/(\\d+)\"");

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

    private String competition;
    private OrganiserSession entrant;

    @BeforeEach
    void anOpenCallAndASignedInEntrant() {
        competition = "entrant-pages-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(Api.ORGANISER).json(Festival.competition(competition)).send();
        entrant = EntrantPageSignIn.signIn(port, directory, links, "pages-" + UUID.randomUUID() + "@example.org");
    }

    @Test
    void anEntrantSendsAnEntryAmendsItAndWithdrawsIt() {
        assertThat(entrant.get("/entrant").body()).contains("/entrant/competitions/" + competition + "/entries/new");

        HttpResponse<String> sent = entrant.submit(newEntry(), "/entrant/competitions/" + competition + "/entries",
                form("Tidal Memory", "12"));
        assertThat(sent.statusCode()).isEqualTo(302);
        String page = sent.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "");
        assertThat(page).startsWith("/entrant/entries/").endsWith("?submitted");
        String entryPage = page.substring(0, page.indexOf('?'));

        String shown = entrant.get(page).body();
        assertThat(shown).contains("Tidal Memory").contains("Your entry was received").contains("verify-receipt");
        Matcher receipt = RECEIPT.matcher(shown);
        assertThat(receipt.find()).isTrue();
        HttpResponse<String> file = entrant.get("/entrant/receipts/" + receipt.group(1));
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains("receipt-" + receipt.group(1));
        assertThat(file.body()).contains("\"inclusion\"").contains("\"checkpoint\"");

        HttpResponse<String> amended = entrant.submit(entryPage, entryPage + "/amendment", form("Tidal Memory (final cut)", "14"));
        assertThat(amended.statusCode()).isEqualTo(302);
        assertThat(entrant.get(entryPage).body()).contains("Tidal Memory (final cut)").contains("Entry amended");

        long before = ledger.head().position();
        HttpResponse<String> noReason = entrant.submit(entryPage, entryPage + "/withdrawal", Map.of("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("id=\"reason-problem\"");
        assertThat(ledger.head().position()).isEqualTo(before);

        assertThat(entrant.submit(entryPage, entryPage + "/withdrawal", Map.of("reason", "Selected elsewhere"))
                .statusCode()).isEqualTo(302);
        String withdrawn = entrant.get(entryPage).body();
        assertThat(withdrawn).contains("Withdrawn").contains("Selected elsewhere").doesNotContain("/amendment");
    }

    @Test
    void aRefusedEntryIsShownNextToItsFieldsWithWhatWasTypedAndNothingIsRecorded() {
        long before = ledger.head().position();
        Map<String, String> noTitle = form(" ", "12");
        noTitle.put("country", "Kenya");
        HttpResponse<String> invalid = entrant.submit(newEntry(), "/entrant/competitions/" + competition + "/entries", noTitle);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"title-problem\"").contains("aria-describedby=\"title-problem\"")
                .contains("value=\"Kenya\"");

        HttpResponse<String> tooLong = entrant.submit(newEntry(), "/entrant/competitions/" + competition + "/entries",
                form("An Epic", "31"));
        assertThat(tooLong.statusCode()).isEqualTo(409);
        assertThat(tooLong.body()).contains("class=\"problem\"").contains("value=\"An Epic\"").contains("value=\"31\"");
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void anotherEntrantsEntryIsNotFound() {
        HttpResponse<String> sent = entrant.submit(newEntry(), "/entrant/competitions/" + competition + "/entries",
                form("Paper Tigers", "9"));
        String page = sent.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "").replace("?submitted", "");
        OrganiserSession other = EntrantPageSignIn.signIn(port, directory, links, "other-" + UUID.randomUUID() + "@example.org");
        assertThat(other.get(page).statusCode()).isEqualTo(404);
        assertThat(OrganiserSession.visitor(port).get(page).statusCode()).as("signed out: to the sign-in form").isEqualTo(302);
    }

    private String newEntry() {
        return "/entrant/competitions/" + competition + "/entries/new";
    }

    private static Map<String, String> form(String title, String minutes) {
        Map<String, String> form = new HashMap<>();
        form.put("title", title);
        form.put("team", "Li Wei\nAna Souza");
        form.put("country", "CN");
        form.put("runtimeMinutes", minutes);
        form.put("synopsis", "A kite-maker's last summer.");
        form.put("aiWorkflow", "HYBRID");
        form.put("aiTools", "Runway\nSuno");
        return form;
    }
}
