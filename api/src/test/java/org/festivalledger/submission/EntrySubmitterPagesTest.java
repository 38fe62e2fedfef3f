package org.festivalledger.submission;

import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.EntrantApiSignIn;
import org.festivalledger.EntrantApiSignIn.SignedIn;
import org.festivalledger.Festival;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantOutbox;
import org.festivalledger.entrant.EntrantSignInLinks;
import org.festivalledger.http.FormOnce;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;

/**
 * The organiser's side of entrants, on the entries' pages: the list and an entry's page say who sent each entry (the
 * entrant's address, read as the page is rendered; "erased" once they erased it; or the organiser), and the entry's
 * page lists the notifications to its entrant with each outcome and a <em>Resend</em> button, which resends once
 * however often the form is sent, and is neither shown nor obeyed for an entrant who erased their data.
 */
class EntrySubmitterPagesTest extends LedgerTestApplication {

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

    @Autowired
    EntrantOutbox outbox;

    @Test
    void thePagesSayWhoSentEachEntryAndResendItsNotificationOnce() {
        String competition = "submitters-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send()
                .status()).isEqualTo(201);
        String email = "mei-" + UUID.randomUUID() + "@example.org";
        SignedIn mei = EntrantApiSignIn.signIn(api, directory, links, email);
        Reply sent = mei.as(api.post("/api/competitions/" + competition + "/entries"))
                .json(Festival.entry("Tidal Memory")).send();
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        String byEntrant = sent.json().get("id").asText();
        Reply recorded = api.post("/api/competitions/" + competition + "/submissions").as(ORGANISER)
                .json(Festival.entry("Paper Moons")).send();
        assertThat(recorded.status()).isEqualTo(201);
        String byOrganiser = recorded.json().get("id").asText();
        assertThat(api.get("/api/competitions/" + competition + "/submissions?minPosition=" + recorded.ledgerPosition())
                .as(ORGANISER).send().json()).hasSize(2);
        EntrantOutbox.Notification receipt = firstNotificationAbout(byEntrant);

        OrganiserSession organiser = OrganiserSession.signIn(port);
        String entries = "/organiser/competitions/" + competition + "/entries";
        assertThat(organiser.get(entries).body()).contains(email).contains("recorded by the organiser");
        String entryPage = entries + "/" + byEntrant;
        String page = organiser.get(entryPage).body();
        assertThat(page).contains(email).contains(mei.entrantId()).contains("Receipt of the entry")
                .contains("Waiting to be sent").contains("queued");
        String resend = entryPage + "/notifications/" + receipt.id() + "/resend";
        assertThat(page).contains("action=\"" + resend + "\"");
        assertThat(organiser.get(entries + "/" + byOrganiser).body()).contains("recorded by the organiser")
                .contains("no entrant is told of it").doesNotContain("/resend");

        // Resent from the page, the form sent twice at once and once more: one resend.
        Map<String, String> form = Map.of(FormOnce.FIELD, UUID.randomUUID().toString());
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(
                () -> organiser.submit(entryPage, resend, form));
        HttpResponse<String> second = organiser.submit(entryPage, resend, form);
        HttpResponse<String> third = organiser.submit(entryPage, resend, form);
        assertThat(first.join().statusCode()).as(first.join().body()).isIn(302, 303);
        assertThat(first.join().headers().firstValue("Location").orElseThrow()).endsWith(entryPage + "?resent");
        assertThat(second.statusCode()).isIn(302, 303);
        assertThat(third.headers().firstValue("Location")).isEqualTo(first.join().headers().firstValue("Location"));
        EntrantOutbox.Notification resent = outbox.find(receipt.id()).orElseThrow();
        assertThat(resent.status()).isEqualTo(EntrantOutbox.Status.PENDING);
        assertThat(resent.attempts()).isZero();
        assertThat(resends(resent)).as("resent once").isEqualTo(1);
        assertThat(organiser.get(entryPage + "?resent").body())
                .contains("The notification will be sent again now").contains("resend requested by organiser");
        organiser.get("/language?lang=zh-CN&back=/organiser");
        assertThat(organiser.get(entryPage).body()).contains("作品接收回执").contains("等待发送")
                .contains("已排队等待发送").contains("organiser 要求重新发送");
        organiser.get("/language?lang=en&back=/organiser");

        // Once the entrant erased their data: "erased" and no address, on both pages; no resend, on the page or API.
        assertThat(mei.as(api.post("/api/entrants/me/erasure")).send().status()).isEqualTo(200);
        String list = organiser.get(entries).body();
        assertThat(list).contains("erased").doesNotContain(email);
        String erasedPage = organiser.get(entryPage).body();
        assertThat(erasedPage).contains("erased").contains("nothing can be resent").doesNotContain(email)
                .doesNotContain("action=\"" + resend + "\"");
        HttpResponse<String> refused = organiser.submit(entryPage, resend,
                Map.of(FormOnce.FIELD, UUID.randomUUID().toString()));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("erased their contact data").doesNotContain(email);
        assertThat(api.post("/api/notifications/" + receipt.id() + "/resend").as(ORGANISER).send().status())
                .isEqualTo(409);
        assertThat(resends(outbox.find(receipt.id()).orElseThrow())).as("nothing more resent").isEqualTo(1);
    }

    @Test
    void aNotificationOfAnotherEntryIsNotResentFromThisOne() {
        String competition = "submitters-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send();
        SignedIn li = EntrantApiSignIn.signIn(api, directory, links, "li-" + UUID.randomUUID() + "@example.org");
        String one = li.as(api.post("/api/competitions/" + competition + "/entries")).json(Festival.entry("One"))
                .send().json().get("id").asText();
        Reply two = li.as(api.post("/api/competitions/" + competition + "/entries")).json(Festival.entry("Two")).send();
        api.get("/api/competitions/" + competition + "/submissions?minPosition=" + two.ledgerPosition()).as(ORGANISER)
                .send();
        EntrantOutbox.Notification ofOne = firstNotificationAbout(one);
        OrganiserSession organiser = OrganiserSession.signIn(port);
        String otherEntry = "/organiser/competitions/" + competition + "/entries/" + two.json().get("id").asText();

        HttpResponse<String> refused = organiser.submit(otherEntry, otherEntry + "/notifications/" + ofOne.id()
                + "/resend", Map.of(FormOnce.FIELD, UUID.randomUUID().toString()));

        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(resends(outbox.find(ofOne.id()).orElseThrow())).isZero();
    }

    private static long resends(EntrantOutbox.Notification notification) {
        return notification.outcomes().stream().filter(o -> o.outcome().startsWith("resend requested")).count();
    }

    /** The first notification about an entry, once the notifications' processor has queued it. */
    private EntrantOutbox.Notification firstNotificationAbout(String submissionId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            List<EntrantOutbox.Notification> queued = outbox.about(submissionId);
            if (!queued.isEmpty()) {
                return queued.get(0);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no notification was queued about " + submissionId);
    }
}
