package org.festivalledger.jury;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.types.Binary;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.JurorPageSignIn;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * A juror's credentials through the API: shown once at appointment and at each reissue, never replayed and never
 * stored in plain text anywhere; a reissue or a revocation ends the earlier ones at once.
 */
class JurorAccessApiTest extends LedgerTestApplication {

    @Autowired
    MongoDatabase database;

    private Judging judging() {
        Judging judging = Judging.with(api, "access-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        assertThat(judging.openRound("preliminary", 1, "MEAN", 1).status()).isEqualTo(201);
        return judging;
    }

    private Reply mine(Judging judging, String token) {
        return api.get(judging.path("preliminary") + "/assignments/mine").header("Authorization", "Bearer " + token)
                .send();
    }

    @Test
    void secretsAreShownOnceNeverReplayedAndNoCollectionHoldsThemInPlainText() {
        Judging judging = judging();
        String jurors = "/api/competitions/" + judging.competition + "/jurors";
        String key = "appoint-" + UUID.randomUUID();
        Reply appointed = api.post(jurors).as(ORGANISER).header("Idempotency-Key", key)
                .json(Map.of("id", "juror-zhang", "name", "Zhang Min")).send();
        assertThat(appointed.status()).as(appointed.toString()).isEqualTo(201);
        JsonNode shown = appointed.json();
        assertThat(shown.get("id").asText()).isEqualTo("juror-zhang");
        String token = shown.get("token").asText();
        String link = shown.get("signInLink").asText();
        assertThat(token).startsWith("jt_");
        assertThat(link).startsWith("http://localhost:" + port + "/juror/sign-in?link=jl_");
        assertThat(JurorPageSignIn.credentialOf(link)).isNotEqualTo(token);
        assertThat(Instant.parse(shown.get("expiresAt").asText())).isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThat(mine(judging, token).status()).isEqualTo(200);

        Reply replayed = api.post(jurors).as(ORGANISER).header("Idempotency-Key", key)
                .json(Map.of("id", "juror-zhang", "name", "Zhang Min")).send();
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replayed.json().get("id").asText()).isEqualTo("juror-zhang");
        assertThat(replayed.json().get("secretShownOnce").asBoolean()).isTrue();
        assertThat(replayed.json().get("detail").asText()).contains(jurors + "/juror-zhang/access");
        assertThat(replayed.body()).doesNotContain(token).doesNotContain("jt_").doesNotContain("jl_")
                .doesNotContain("signInLink");

        String issueKey = "issue-" + UUID.randomUUID();
        Reply issued = api.post(jurors + "/juror-zhang/access").as(ORGANISER).header("Idempotency-Key", issueKey).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        Reply issuedAgain = api.post(jurors + "/juror-zhang/access").as(ORGANISER).header("Idempotency-Key", issueKey)
                .send();
        assertThat(issuedAgain.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(issuedAgain.body()).doesNotContain("jt_").doesNotContain("jl_").contains("secretShownOnce");

        List<String> secrets = List.of(token, JurorPageSignIn.credentialOf(link), issued.json().get("token").asText(),
                JurorPageSignIn.credentialOf(issued.json().get("signInLink").asText()));
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find()) {
                List<String> texts = new ArrayList<>();
                collectTexts(document, texts);
                for (String text : texts) {
                    for (String secret : secrets) {
                        assertThat(text).as("a document of " + collection).doesNotContain(secret);
                    }
                }
            }
        }
    }

    /** Every string in a document, binary values read as UTF-8 text (stored answers are kept as bytes). */
    private static void collectTexts(Object value, List<String> texts) {
        if (value instanceof Document document) {
            document.forEach((name, field) -> {
                texts.add(name);
                collectTexts(field, texts);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collectTexts(item, texts));
        } else if (value instanceof Binary binary) {
            texts.add(new String(binary.getData(), StandardCharsets.UTF_8));
        } else if (value instanceof byte[] bytes) {
            texts.add(new String(bytes, StandardCharsets.UTF_8));
        } else if (value != null) {
            texts.add(value.toString());
        }
    }

    @Test
    void aReissueEndsTheEarlierTokenAndLinkAtOnce() {
        Judging judging = judging();
        String access = "/api/competitions/" + judging.competition + "/jurors/juror-1/access";
        String oldToken = judging.jurorTokens.get("juror-1");
        String oldLink = judging.jurorLinks.get("juror-1");

        Reply issued = api.post(access).as(ORGANISER).send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        assertThat(issued.json().get("jurorId").asText()).isEqualTo("juror-1");
        assertThat(mine(judging, oldToken).status()).isEqualTo(401);
        assertThat(JurorPageSignIn.signIn(port, oldLink)).isEqualTo(401);
        assertThat(mine(judging, issued.json().get("token").asText()).status()).isEqualTo(200);
        assertThat(JurorPageSignIn.signIn(port, issued.json().get("signInLink").asText())).isEqualTo(302);

        assertThat(api.post("/api/competitions/" + judging.competition + "/jurors/no-such-juror/access").as(ORGANISER)
                .send().status()).isEqualTo(404);
    }

    @Test
    void aRevocationNeedsAReasonEndsEveryCredentialAndIsRecordedOnce() {
        Judging judging = judging();
        String access = "/api/competitions/" + judging.competition + "/jurors/juror-1/access";
        long before = ledger.head().position();
        Reply noReason = api.post(access + "/revocation").as(ORGANISER).json(Map.of("reason", " ")).send();
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.post(access + "/revocation").as(AUDITOR).json(Map.of("reason", "x")).send().status())
                .isEqualTo(403);
        assertThat(ledger.head().position()).as("refusals record nothing").isEqualTo(before);

        Reply revoked = api.post(access + "/revocation").as(ORGANISER).json(Map.of("reason", "laptop stolen")).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(mine(judging, judging.jurorTokens.get("juror-1")).status()).isEqualTo(401);
        assertThat(JurorPageSignIn.signIn(port, judging.jurorLinks.get("juror-1"))).isEqualTo(401);
        assertThat(api.post(access + "/revocation").as(ORGANISER).json(Map.of("reason", "again")).send().status())
                .isEqualTo(409);

        JsonNode trail = api.get("/api/audit/events?type=JurorAccessRevoked&entity=juror-1&minPosition="
                + revoked.ledgerPosition()).as(AUDITOR).send().json();
        assertThat(trail.toString()).contains("laptop stolen");
    }
}
