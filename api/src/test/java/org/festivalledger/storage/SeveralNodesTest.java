package org.festivalledger.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.AppProcess;
import org.festivalledger.Judging;
import org.festivalledger.ledger.RealMongo;
import org.festivalledger.transparency.Checkpoint;
import org.festivalledger.transparency.SignedNote;
import org.festivalledger.transparency.VerifierKey;
import org.festivalledger.JurorPageSignIn;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * Two app nodes on one store, as on one MongoDB: the store runs as its own process (the jar's {@code store}
 * mode), commands are spread across both nodes, and afterwards the log, the chain and both nodes' standings
 * agree, the policy acted once per event, and its segments are claimed by both nodes.
 */
class SeveralNodesTest {

    @Test
    void twoNodesOnOneStoreAgreeAndShareThePolicysSegments() throws Exception {
        RealMongo.assumeAvailableWhenRequired();
        Path data = Files.createTempDirectory("several-nodes");
        if (RealMongo.uri().isPresent()) {
            // Under -Pmongodb: both nodes on the real MongoDB, in one database of this test's own.
            String database = RealMongo.databaseFor(data.toAbsolutePath().toString());
            String uri = "--ledger.mongodb-uri=" + RealMongo.uri().get();
            String key = "--ledger.log.key-file=" + data.resolve("log-signing.key");
            try (AppProcess a = AppProcess.start(data.resolve("a"), uri, "--ledger.database=" + database,
                    "--ledger.node-id=node-a", key);
                 AppProcess b = AppProcess.start(data.resolve("b"), uri, "--ledger.database=" + database,
                         "--ledger.node-id=node-b", key)) {
                exercise(a.api(), b.api(), RealMongo.uri().get(), database);
                revokedAccessStopsAtOnceOnBothNodes(a, b);
            }
            return;
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process store = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "org.festivalledger.FestivalLedgerApplication",
                "store", "--ledger.data-dir=" + data.resolve("store"), "--port=" + port).redirectErrorStream(true).start();
        String uri = "--ledger.mongodb-uri=mongodb://127.0.0.1:" + port;
        try (BufferedReader output = new BufferedReader(new InputStreamReader(store.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.contains("store ready"));
            assertThat(line).as("the store process started").isNotNull();
            // Nodes on one store sign the log's checkpoints with one key: they share its file.
            String key = "--ledger.log.key-file=" + data.resolve("log-signing.key");
            try (AppProcess a = AppProcess.start(data.resolve("a"), uri, "--ledger.node-id=node-a", key);
                 AppProcess b = AppProcess.start(data.resolve("b"), uri, "--ledger.node-id=node-b", key)) {
                exercise(a.api(), b.api(), "mongodb://127.0.0.1:" + port, "festival");
                revokedAccessStopsAtOnceOnBothNodes(a, b);
            }
        } finally {
            store.destroy();
            store.waitFor();
        }
    }

    private void exercise(Api a, Api b, String mongodbUri, String database) throws Exception {
        Judging onA = Judging.with(a, "nodes", 12, 4);
        Judging onB = onA.on(b);
        assertThat(onA.openRound("preliminary", 3, "MEAN", 2).status()).isEqualTo(201);
        assertThat(onB.autoAssign("preliminary").status()).isEqualTo(200);

        // Scores alternate between the nodes, each juror's through both.
        int sent = 0;
        for (String juror : List.of("juror-1", "juror-2", "juror-3", "juror-4")) {
            for (JsonNode entry : onA.mine("preliminary", juror)) {
                Judging node = sent % 2 == 0 ? onA : onB;
                Reply scored = node.score("preliminary", juror, entry.get("submissionId").asText(), 6 + sent % 4,
                        7, 5, null);
                assertThat(scored.status()).as(scored.toString()).isEqualTo(201);
                sent++;
            }
        }
        assertThat(sent).isEqualTo(36);
        // A withdrawal on one node: the policy takes the entry out of the open round exactly once.
        String withdrawn = onA.entries.get(11);
        Reply withdrawal = b.post("/api/competitions/" + onA.competition + "/submissions/" + withdrawn + "/withdrawal")
                .as(ORGANISER).json(Map.of("reason", "signed with a distributor")).send();
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);

        long head = awaitDrop(a, onA.competition, withdrawn);
        assertThat(b.get("/api/audit/head").send().json().get("position").asLong()).isEqualTo(head);
        for (Api node : List.of(a, b)) {
            JsonNode verification = node.get("/api/audit/verification").as(AUDITOR).send().json();
            assertThat(verification.get("ok").asBoolean()).isTrue();
            assertThat(verification.get("checked").asLong()).isEqualTo(head);
        }
        String standings = onA.path("preliminary") + "/standings?minPosition=" + head;
        JsonNode onNodeA = a.get(standings).as(AUDITOR).send().json();
        JsonNode onNodeB = b.get(standings).as(AUDITOR).send().json();
        assertThat(onNodeA.get("ledgerPosition").asLong()).isEqualTo(head);
        assertThat(onNodeB.get("rows")).isEqualTo(onNodeA.get("rows"));
        assertThat(onNodeA.get("rows")).hasSize(11);
        JsonNode drops = a.get("/api/audit/events?type=EntryDropped&entity=" + withdrawn).as(AUDITOR).send().json();
        assertThat(drops.get("events")).as("the policy acted once, not once per node").hasSize(1);

        // One transparency log: both nodes publish the same key, and a receipt from one checks against the other's.
        String key = a.get("/api/public/log/key").send().body().strip();
        assertThat(b.get("/api/public/log/key").send().body().strip()).isEqualTo(key);
        VerifierKey verifier = VerifierKey.parse(key);
        JsonNode receipt = b.get("/api/receipts/" + withdrawal.ledgerPosition()).as(AUDITOR).send().json();
        Checkpoint signed = SignedNote.verifiedCheckpoint(receipt.get("checkpoint").asText(), verifier).orElseThrow();
        Checkpoint onNodeAAtThatSize = SignedNote.verifiedCheckpoint(a.get("/api/public/log/checkpoints").send().json()
                .findValues("note").stream().map(JsonNode::asText)
                .filter(note -> note.contains("\n" + signed.size() + "\n")).findFirst().orElseThrow(), verifier)
                .orElseThrow();
        assertThat(onNodeAAtThatSize).isEqualTo(signed);

        // The policy's two segments end up claimed one by each node.
        try (MongoClient client = MongoClients.create(mongodbUri)) {
            Set<String> owners = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (owners.size() < 2 && System.nanoTime() < deadline) {
                owners.clear();
                for (Document token : client.getDatabase(database).getCollection("trackingtokens")
                        .find(new Document("processorName", "entry-drops")).batchSize(10)) {
                    if (token.getString("owner") != null) {
                        owners.add(token.getString("owner"));
                    }
                }
                Thread.sleep(500);
            }
            assertThat(owners).containsExactlyInAnyOrder("node-a", "node-b");
        }

        // Both nodes are ready and name their views' position, though only one of them holds the one segment of the
        // entrants' notifications (a policy with a shared token): a policy is not a view the node must catch up.
        for (Api node : List.of(a, b)) {
            Reply readiness = node.get("/actuator/health/readiness").as(AUDITOR).send();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (readiness.status() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                readiness = node.get("/actuator/health/readiness").as(AUDITOR).send();
            }
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
            assertThat(Long.parseLong(node.get("/api/competitions").as(AUDITOR).send().header("Projection-Position")))
                    .isGreaterThanOrEqualTo(head);
        }
    }

    /**
     * A juror's access revoked on one node stops working on both at once: the other node's board may not have
     * seen the revocation yet, but every node checks a credential against the ledger's access versions.
     */
    private void revokedAccessStopsAtOnceOnBothNodes(AppProcess a, AppProcess b) {
        Judging onA = Judging.with(a.api(), "nodes-access", 2, 2);
        Judging onB = onA.on(b.api());
        Reply opened = onA.openRound("preliminary", 1, "MEAN", 1);
        assertThat(opened.status()).isEqualTo(201);
        String mine = onA.path("preliminary") + "/assignments/mine";
        String link = onA.jurorLinks.get("juror-1");
        for (AppProcess node : List.of(a, b)) {
            // Read after the round's opening on each node (its views follow the shared log a moment later).
            assertThat(onA.on(node.api()).asJuror(node.api().get(mine + "?minPosition=" + opened.ledgerPosition()),
                    "juror-1").send().status()).isEqualTo(200);
        }
        assertThat(JurorPageSignIn.signIn(b.port(), link)).as("the link signs in on the other node").isEqualTo(302);

        Reply revoked = a.api().post("/api/competitions/" + onA.competition + "/jurors/juror-1/access/revocation")
                .as(ORGANISER).json(Map.of("reason", "token leaked in a screenshot")).send();
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        // No waiting for the views: the very next request to either node is refused.
        for (AppProcess node : List.of(b, a)) {
            assertThat(onB.asJuror(node.api().get(mine), "juror-1").send().status()).as("token on " + node.port())
                    .isEqualTo(401);
            assertThat(JurorPageSignIn.signIn(node.port(), link)).as("link on " + node.port()).isEqualTo(401);
        }
        assertThat(onB.asJuror(b.api().get(mine), "juror-2").send().status()).as("another juror is unaffected")
                .isEqualTo(200);

        // New access issued on one node works on both; the revoked credentials stay refused.
        Reply issued = b.api().post("/api/competitions/" + onA.competition + "/jurors/juror-1/access").as(ORGANISER)
                .send();
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        String token = issued.json().get("token").asText();
        for (AppProcess node : List.of(a, b)) {
            assertThat(node.api().get(mine).header("Authorization", "Bearer " + token).send().status()).isEqualTo(200);
            assertThat(JurorPageSignIn.signIn(node.port(), issued.json().get("signInLink").asText())).isEqualTo(302);
            assertThat(onA.asJuror(node.api().get(mine), "juror-1").send().status()).isEqualTo(401);
        }
    }

    /** Waits until the withdrawn entry has been dropped from the round; returns the ledger head then. */
    private long awaitDrop(Api api, String competition, String entry) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode drops = api.get("/api/audit/events?type=EntryDropped&entity=" + entry).as(AUDITOR).send().json();
            if (drops.get("events").size() > 0) {
                Thread.sleep(1000); // a second drop, if the policy ran on both nodes, would be recorded by now
                return api.get("/api/audit/head").send().json().get("position").asLong();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the withdrawn entry was never dropped from the round");
    }
}
