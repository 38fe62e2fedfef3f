package org.festivalledger.entrant;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.EntrantApiSignIn;
import org.festivalledger.EntrantApiSignIn.SignedIn;
import org.festivalledger.EntrantPageSignIn;
import org.festivalledger.Festival;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.OrganiserSession;
import org.festivalledger.audit.ReceiptVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure: afterwards no stored document holds the entrant's address (nor its lookup hash), they can no longer
 * sign in with what they held, the ledger's chain and checkpoints verify, and the receipt they kept still verifies.
 */
class EntrantErasureTest extends LedgerTestApplication {

    @Autowired
    EntrantDirectory directory;

    @Autowired
    EntrantSignInLinks links;

    @Autowired
    EntrantDataKey key;

    @Autowired
    MongoDatabase database;

    @TempDir
    Path directoryForFiles;

    @Test
    void afterErasureNoDocumentHoldsTheAddressAndTheLedgerAndTheReceiptStillVerify() throws Exception {
        String email = "erase-" + UUID.randomUUID() + "@example.org";
        String competition = "erasure-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(Api.ORGANISER).json(Festival.competition(competition)).send();
        SignedIn entrant = EntrantApiSignIn.signIn(api, directory, links, email);
        String unusedLink = links.issue(entrant.entrantId());
        Reply submitted = entrant.as(api.post("/api/competitions/" + competition + "/entries"))
                .json(Festival.entry("Erased but recorded")).send();
        assertThat(submitted.status()).isEqualTo(201);
        Reply receipt = entrant.as(api.get("/api/receipts/" + submitted.ledgerPosition())).send();
        assertThat(receipt.status()).isEqualTo(200);
        Path receiptFile = directoryForFiles.resolve("receipt.json");
        Files.writeString(receiptFile, receipt.body());
        String lookup = key.lookupKey(email);
        assertThat(documentsHolding(lookup)).as("before: the lookup hash is stored").isNotEmpty();

        String entry = "/api/competitions/" + competition + "/submissions/" + submitted.json().get("id").asText()
                + "?minPosition=" + submitted.ledgerPosition();
        assertThat(api.get(entry).as(Api.ORGANISER).send().json().get("submittedBy").get("email").asText())
                .as("the organiser sees who sent it").isEqualTo(email);

        assertThat(entrant.as(api.post("/api/entrants/me/erasure")).send().status()).isEqualTo(200);

        com.fasterxml.jackson.databind.JsonNode submitter = api.get(entry).as(Api.ORGANISER).send().json()
                .get("submittedBy");
        assertThat(submitter.get("erased").asBoolean()).as("and then that it was erased").isTrue();
        assertThat(submitter.get("entrantId").asText()).isEqualTo(entrant.entrantId());
        assertThat(submitter.get("email").isNull()).isTrue();

        assertThat(documentsHolding(email)).isEmpty();
        assertThat(documentsHolding(email.toLowerCase())).isEmpty();
        assertThat(documentsHolding(lookup)).isEmpty();
        assertThat(entrant.as(api.get("/api/entrants/me/entries")).send().status()).as("the token ended").isEqualTo(401);
        assertThat(api.post("/api/entrants/sessions").json(Map.of("link", unusedLink)).send().status())
                .as("the links ended").isEqualTo(401);
        assertThat(directory.find(entrant.entrantId()).orElseThrow().erased()).isTrue();

        Reply verification = api.get("/api/audit/verification").as(Api.AUDITOR).send();
        assertThat(verification.json().get("ok").asBoolean()).as(verification.body()).isTrue();
        assertThat(api.get("/api/public/log/checkpoint").send().status()).isEqualTo(200);
        String verifierKey = api.get("/api/public/log/key").send().body().strip();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = ReceiptVerification.run(List.of(receiptFile.toString(), "--key", verifierKey),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(status).as(out.toString(StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void theButtonOnTheEntrantsPageErasesAndSignsOut() {
        String email = "button-" + UUID.randomUUID() + "@example.org";
        OrganiserSession session = EntrantPageSignIn.signIn(port, directory, links, email);
        assertThat(session.get("/entrant").body()).contains("/entrant/erasure");

        var erased = session.submit("/entrant", "/entrant/erasure", Map.of());
        assertThat(erased.statusCode()).isEqualTo(302);
        assertThat(erased.headers().firstValue("Location").orElse("")).endsWith("/entrant?erased");
        assertThat(session.get("/entrant?erased").body()).contains("Your contact data was erased")
                .doesNotContain(email);
        assertThat(directory.findByEmail(email)).isEmpty();
        assertThat(documentsHolding(email)).isEmpty();
    }

    /** Every stored document, in every collection, whose JSON holds {@code text}. */
    private List<String> documentsHolding(String text) {
        List<String> found = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                if (document.toJson().contains(text)) {
                    found.add(collection + ": " + document.get("_id"));
                }
            }
        }
        return found;
    }
}
