package org.festivalledger.entrant;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.EntrantApiSignIn;
import org.festivalledger.EntrantApiSignIn.SignedIn;
import org.festivalledger.Festival;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entrant's own entries through the API: the same rules as an organiser's entry, recorded under the entrant's
 * pseudonymous id (never their address), amended and withdrawn by them alone, listed with their status and the
 * positions of their events, whose receipts they may fetch.
 */
class EntrantEntriesApiTest extends LedgerTestApplication {

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

    private String competition;
    private SignedIn mei;

    @BeforeEach
    void anOpenCall() {
        competition = "entrants-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/api/competitions").as(Api.ORGANISER).json(Festival.competition(competition)).send()
                .status()).isEqualTo(201);
        mei = EntrantApiSignIn.signIn(api, directory, links, "mei-" + UUID.randomUUID() + "@example.org");
    }

    @Test
    void anEntrantSubmitsAmendsAndWithdrawsTheirOwnEntryUnderTheirPseudonym() {
        Reply submitted = mei.as(api.post(entries())).json(Festival.entry("Tidal Memory")).send();
        assertThat(submitted.status()).isEqualTo(201);
        String id = submitted.json().get("id").asText();
        long receivedAt = submitted.ledgerPosition();

        JsonNode event = event(receivedAt);
        assertThat(event.get("actor").asText()).isEqualTo(mei.entrantId());
        assertThat(event.get("role").asText()).isEqualTo("ENTRANT");
        assertThat(payload(event).get("entrantId").asText()).isEqualTo(mei.entrantId());
        assertThat(event.toString()).doesNotContain("example.org");

        Reply amended = mei.as(api.post(entries() + "/" + id + "/amendment"))
                .json(Map.of("title", "Tidal Memory (final cut)", "runtimeMinutes", 14)).send();
        assertThat(amended.status()).isEqualTo(200);
        JsonNode amendment = event(amended.ledgerPosition());
        assertThat(amendment.get("type").asText()).endsWith("SubmissionAmended");
        assertThat(payload(amendment).get("changed").get("title").asText()).isEqualTo("Tidal Memory (final cut)");
        assertThat(payload(amendment).get("changed").get("country").isNull()).as("only what changed").isTrue();
        assertThat(api.get("/api/competitions/" + competition + "/submissions/" + id + "?minPosition="
                + amended.ledgerPosition()).as(Api.ORGANISER).send().json().get("title").asText())
                .isEqualTo("Tidal Memory (final cut)");

        JsonNode mine = mei.as(api.get("/api/entrants/me/entries?minPosition=" + amended.ledgerPosition())).send().json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).get("id").asText()).isEqualTo(id);
        assertThat(mine.get(0).get("status").asText()).isEqualTo("RECEIVED");
        assertThat(mine.get(0).get("amendable").asBoolean()).isTrue();
        assertThat(mine.get(0).get("events").findValuesAsText("position"))
                .containsExactly(Long.toString(receivedAt), Long.toString(amended.ledgerPosition()));

        Reply receipt = mei.as(api.get("/api/receipts/" + receivedAt)).send();
        assertThat(receipt.status()).as("the entrant's own receipt").isEqualTo(200);
        assertThat(receipt.json().get("inclusion")).isNotNull();

        Reply withdrawn = mei.as(api.post(entries() + "/" + id + "/withdrawal")).json(Map.of("reason", "Selected elsewhere"))
                .send();
        assertThat(withdrawn.status()).isEqualTo(200);
        JsonNode after = mei.as(api.get("/api/entrants/me/entries?minPosition=" + withdrawn.ledgerPosition())).send()
                .json().get(0);
        assertThat(after.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(after.get("reason").asText()).isEqualTo("Selected elsewhere");
        assertThat(mei.as(api.post(entries() + "/" + id + "/amendment")).json(Map.of("title", "Again")).send().status())
                .isEqualTo(409);
    }

    @Test
    void anotherEntrantCannotReachTheEntryNorItsReceipt() {
        Reply submitted = mei.as(api.post(entries())).json(Festival.entry("Paper Tigers")).send();
        String id = submitted.json().get("id").asText();
        SignedIn li = EntrantApiSignIn.signIn(api, directory, links, "li-" + UUID.randomUUID() + "@example.org");
        long before = ledger.head().position();

        assertThat(li.as(api.post(entries() + "/" + id + "/amendment")).json(Map.of("title", "Mine")).send().status())
                .isEqualTo(404);
        assertThat(li.as(api.post(entries() + "/" + id + "/withdrawal")).json(Map.of("reason", "Mine")).send().status())
                .isEqualTo(404);
        assertThat(li.as(api.get("/api/receipts/" + submitted.ledgerPosition())).send().status()).isEqualTo(403);
        assertThat(li.as(api.get("/api/entrants/me/entries")).send().json()).isEmpty();
        assertThat(ledger.head().position()).as("nothing recorded").isEqualTo(before);
    }

    @Test
    void theCompetitionsRulesApplyAsToAnOrganisersEntry() {
        long before = ledger.head().position();
        Map<String, Object> tooLong = new java.util.HashMap<>(Festival.entry("Epic"));
        tooLong.put("runtimeMinutes", 31);
        assertThat(mei.as(api.post(entries())).json(tooLong).send().status()).isEqualTo(422);
        Map<String, Object> undisclosed = new java.util.HashMap<>(Festival.entry("Secretive"));
        undisclosed.remove("aiDisclosure");
        Reply refused = mei.as(api.post(entries())).json(undisclosed).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("aiDisclosure");

        String closed = "closed-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(Api.ORGANISER).json(Festival.competition(closed, "2020-01-01T00:00:00Z")).send();
        assertThat(mei.as(api.post("/api/competitions/" + closed + "/entries")).json(Festival.entry("Late")).send()
                .status()).isEqualTo(422);
        long announced = ledger.head().position();
        assertThat(announced - before).as("only the closed competition's announcement was recorded").isEqualTo(2);
        assertThat(api.post(entries()).as(Api.ORGANISER).json(Festival.entry("Organiser")).send().status())
                .as("the organiser records entries through /submissions").isEqualTo(403);
    }

    private JsonNode event(long position) {
        return api.get("/api/audit/events?from=" + position + "&limit=1").as(Api.AUDITOR).send().json().get("events").get(0);
    }

    private static JsonNode payload(JsonNode event) {
        JsonNode payload = event.get("payload");
        try {
            return payload.isTextual() ? new com.fasterxml.jackson.databind.ObjectMapper().readTree(payload.asText()) : payload;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private String entries() {
        return "/api/competitions/" + competition + "/entries";
    }
}
