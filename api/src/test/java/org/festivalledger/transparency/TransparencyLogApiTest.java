package org.festivalledger.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/** The transparency log over HTTP: key, checkpoints, proofs that verify, receipts for their actors only. */
class TransparencyLogApiTest extends LedgerTestApplication {

    private VerifierKey key() {
        Reply reply = api.get("/api/public/log/key").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        return VerifierKey.parse(reply.body());
    }

    private Checkpoint latest() {
        Reply reply = api.get("/api/public/log/checkpoint").send();
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        return SignedNote.verifiedCheckpoint(reply.body(), key()).orElseThrow();
    }

    private static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    @Test
    void theLatestCheckpointIsSignedByThePublishedKeyAndCoversTheLedger() {
        Judging.with(api, "tlog-" + UUID.randomUUID().toString().substring(0, 6), 3, 1);
        long head = ledger.head().position();

        Checkpoint checkpoint = latest();

        assertThat(checkpoint.origin()).isEqualTo(key().name());
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(1).isLessThanOrEqualTo(ledger.head().position());
        JsonNode all = api.get("/api/public/log/checkpoints").send().json();
        assertThat(all.get(all.size() - 1).get("treeSize").asLong()).isEqualTo(checkpoint.size());
        assertThat(all.get(all.size() - 1).get("rootHash").asText()).isEqualTo(checkpoint.rootBase64());
        assertThat(head).isPositive();
    }

    @Test
    void inclusionAndConsistencyProofsVerifyAgainstSignedCheckpoints() {
        Judging.with(api, "tlog-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        Checkpoint older = latest();
        Judging.with(api, "tlog-" + UUID.randomUUID().toString().substring(0, 6), 2, 1);
        // A receipt signs a checkpoint that covers its event when the latest does not yet.
        long head = ledger.head().position();
        assertThat(api.get("/api/receipts/" + head).as(AUDITOR).send().status()).isEqualTo(200);
        Checkpoint newer = latest();
        assertThat(newer.size()).isGreaterThan(older.size());

        for (long position : new long[]{1, older.size(), newer.size()}) {
            JsonNode proof = api.get("/api/public/log/proof/inclusion?position=" + position + "&treeSize="
                    + newer.size()).send().json();
            assertThat(proof.get("leafIndex").asLong()).isEqualTo(position - 1);
            assertThat(MerkleProofs.verifyInclusion(position - 1, newer.size(),
                    Base64.getDecoder().decode(proof.get("leafHash").asText()), hashes(proof.get("hashes")),
                    newer.root())).as("position %d", position).isTrue();
        }
        JsonNode consistency = api.get("/api/public/log/proof/consistency?from=" + older.size() + "&to="
                + newer.size()).send().json();
        assertThat(MerkleProofs.verifyConsistency(older.size(), newer.size(), hashes(consistency.get("hashes")),
                older.root(), newer.root())).isTrue();
    }

    @Test
    void proofsOutsideTheLogAreRefusedAsBadRequests() {
        long beyond = ledger.head().position() + 1_000;
        for (String query : List.of("proof/inclusion?position=0&treeSize=1", "proof/inclusion?position=2&treeSize=1",
                "proof/inclusion?position=1&treeSize=" + beyond, "proof/inclusion?position=x&treeSize=1",
                "proof/inclusion", "proof/consistency?from=0&to=1", "proof/consistency?from=3&to=2",
                "proof/consistency?from=1&to=" + beyond, "proof/consistency?from=1",
                "proof/consistency?from=1&to=99999999999999999999")) {
            Reply reply = api.get("/api/public/log/" + query).send();
            assertThat(reply.status()).as(query).isEqualTo(400);
            assertThat(reply.header("Content-Type")).as(query).startsWith("application/problem+json");
        }
    }

    @Test
    void aReceiptIsForTheEventsActorOrAnAuditorOnly() {
        String id = "tlog-" + UUID.randomUUID().toString().substring(0, 6);
        Judging judging = Judging.with(api, id, 2, 2);
        Judging other = Judging.with(api, id + "-other", 1, 1);
        assertThat(judging.openRound("preliminary", 2, "MEAN", 1).status()).isEqualTo(201);
        assertThat(judging.autoAssign("preliminary").status()).isEqualTo(200);
        Reply scored = judging.score("preliminary", "juror-1", judging.entries.get(0), 7, 7, 7, null);
        assertThat(scored.status()).as(scored.toString()).isEqualTo(201);
        String score = "/api/receipts/" + scored.ledgerPosition();

        Reply own = judging.asJuror(api.get(score), "juror-1").send();
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(judging.asJuror(api.get(score), "juror-2").send().status()).isEqualTo(403);
        assertThat(other.asJuror(api.get(score), "juror-1").send().status())
                .as("the juror of the same id in another competition").isEqualTo(403);
        assertThat(api.get(score).as(ORGANISER).send().status()).isEqualTo(403);
        assertThat(api.get(score).send().status()).isEqualTo(401);
        assertThat(api.get(score).as(AUDITOR).send().status()).isEqualTo(200);

        JsonNode receipt = own.json();
        assertThat(receipt.get("position").asLong()).isEqualTo(scored.ledgerPosition());
        Checkpoint checkpoint = SignedNote.verifiedCheckpoint(receipt.get("checkpoint").asText(), key()).orElseThrow();
        byte[] hash = Base64.getDecoder().decode(receipt.get("hash").asText());
        assertThat(MerkleProofs.verifyInclusion(scored.ledgerPosition() - 1, checkpoint.size(), MerkleHashes.leaf(hash),
                hashes(receipt.get("inclusion").get("hashes")), checkpoint.root())).isTrue();

        long organiserEvent = api.post("/api/competitions/" + id + "/rounds/preliminary/close").as(ORGANISER).send()
                .ledgerPosition();
        assertThat(api.get("/api/receipts/" + organiserEvent).as(ORGANISER).send().status()).isEqualTo(200);
        assertThat(judging.asJuror(api.get("/api/receipts/" + organiserEvent), "juror-1").send().status())
                .isEqualTo(403);
    }

    @Test
    void aReceiptOfNoEventIsNotFoundAndAMalformedPositionIsABadRequest() {
        Reply missing = api.get("/api/receipts/" + (ledger.head().position() + 1_000)).as(AUDITOR).send();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/receipts/0").as(AUDITOR).send().status()).isEqualTo(404);
        Reply malformed = api.get("/api/receipts/first").as(AUDITOR).send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theVerifierKeyIsNamedAfterTheConfiguredOrigin() {
        assertThat(key().name()).isEqualTo("festival-ledger.local/ledger");
        assertThat(api.get("/api/public/log/key").send().body().strip()).isEqualTo(key().toString());
    }

}
