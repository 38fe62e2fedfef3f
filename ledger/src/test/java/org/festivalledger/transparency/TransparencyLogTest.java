package org.festivalledger.transparency;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.PendingEvent;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree follows the ledger on the embedded store, survives a restart, and answers proofs that verify. */
class TransparencyLogTest {

    private static final String PUBLISHED = "org.example.ResultsPublished";

    @TempDir
    Path directory;
    EmbeddedMongoStore server;
    MongoClient client;
    MongoDatabase database;
    LedgerLog ledger;
    final LogSigningKey key = LogSigningKey.generate("festival.example/ledger");

    @BeforeEach
    void open() {
        server = EmbeddedMongoStore.start(directory, 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("festival");
        ledger = new LedgerLog(database, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private TransparencyLog log() {
        Predicate<StoredEvent> publication = event -> PUBLISHED.equals(event.payloadType());
        return new TransparencyLog(ledger, new LogTree(database), new Checkpoints(database), key, Clock.systemUTC(),
                publication);
    }

    private void append(int events, String type) {
        for (int i = 0; i < events; i++) {
            String id = UUID.randomUUID().toString();
            ledger.append(List.of(new PendingEvent(id, "Thing", 0, id, type, "1", "{}", "{}",
                    Instant.parse("2026-04-20T10:00:00Z"))), List.of());
        }
    }

    private byte[] rootOfTheLedger(long size) {
        MerkleFrontier frontier = new MerkleFrontier();
        ledger.readFrom(1).limit(size).forEach(event -> frontier.append(HexFormat.of().parseHex(event.hash())));
        return frontier.root();
    }

    @Test
    void theTreeCoversEveryEventAndItsCheckpointIsSignedOverTheRootOfTheChainHashes() {
        append(37, "org.example.ScoreRecorded");
        TransparencyLog log = log();

        SignedCheckpoint latest = log.latest();

        assertThat(latest.size()).isEqualTo(37);
        assertThat(latest.checkpoint().root()).isEqualTo(rootOfTheLedger(37));
        assertThat(SignedNote.verifiedCheckpoint(latest.note(), key.verifierKey())).contains(latest.checkpoint());
    }

    @Test
    void everyInclusionAndConsistencyProofVerifiesAgainstTheRoots() {
        append(21, "org.example.ScoreRecorded");
        TransparencyLog log = log();
        log.catchUp();
        for (long size = 1; size <= 21; size++) {
            byte[] root = rootOfTheLedger(size);
            for (long position = 1; position <= size; position++) {
                TransparencyLog.Inclusion proof = log.inclusion(position, size);
                assertThat(MerkleProofs.verifyInclusion(proof.leafIndex(), size, proof.leafHash(), proof.hashes(),
                        root)).as("position %d in %d", position, size).isTrue();
            }
            for (long from = 1; from <= size; from++) {
                assertThat(MerkleProofs.verifyConsistency(from, size, log.consistency(from, size),
                        rootOfTheLedger(from), root)).isTrue();
            }
        }
        assertThatThrownBy(() -> log.inclusion(22, 21)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> log.consistency(5, 22)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRestartedLogGoesOnFromItsStoredTreeAndARebuildGivesTheSameRoot() {
        append(10, "org.example.ScoreRecorded");
        log().catchUp();
        append(7, "org.example.ScoreRecorded");
        LogTree reopened = new LogTree(database);
        assertThat(reopened.size()).as("read back, not recomputed").isEqualTo(10);

        TransparencyLog log = log();
        assertThat(log.catchUp()).isEqualTo(17);
        byte[] root = log.latest().checkpoint().root();
        assertThat(root).isEqualTo(rootOfTheLedger(17));
        assertThat(log.rebuild()).isEqualTo(17);
        assertThat(new LogTree(database).root()).isEqualTo(root);
    }

    @Test
    void twoNodesFollowingOneLedgerAgree() {
        append(5, "org.example.ScoreRecorded");
        TransparencyLog first = log();
        TransparencyLog second = log();
        first.catchUp();
        append(4, "org.example.ScoreRecorded");
        second.catchUp();
        first.catchUp();
        assertThat(first.latest().checkpoint()).isEqualTo(second.latest().checkpoint());
        assertThat(first.latest().checkpoint().root()).isEqualTo(rootOfTheLedger(9));
    }

    @Test
    void aNodeWithAnotherKeyMayNotSignForTheLog() {
        append(3, "org.example.ScoreRecorded");
        log().latest();
        LogSigningKey other = LogSigningKey.generate(key.name());
        assertThatThrownBy(() -> new TransparencyLog(ledger, new LogTree(database), new Checkpoints(database), other,
                Clock.systemUTC(), event -> false)).isInstanceOf(Checkpoints.ForeignSigningKey.class)
                .hasMessageContaining("ledger.log.key-file");
        assertThat(log().latest().size()).as("the log's own key still signs").isEqualTo(3);
    }

    @Test
    void aPublicationGetsACheckpointAtItsOwnPositionAndLaterEventsDoNotChangeIt() {
        append(6, "org.example.ScoreRecorded");
        append(1, PUBLISHED);
        append(5, "org.example.ScoreRecorded");
        TransparencyLog log = log();
        log.catchUp();

        SignedCheckpoint atPublication = log.checkpointAt(7).orElseThrow();
        assertThat(log.all()).extracting(SignedCheckpoint::size).containsExactly(7L);
        assertThat(atPublication.checkpoint().root()).isEqualTo(rootOfTheLedger(7));
        append(3, "org.example.ScoreRecorded");
        assertThat(log.checkpointIfMoved()).map(SignedCheckpoint::size).contains(15L);
        assertThat(log.checkpointIfMoved()).as("nothing moved").isEmpty();
        assertThat(log.checkpointAt(7).orElseThrow().note()).isEqualTo(atPublication.note());
        assertThat(log.all()).extracting(SignedCheckpoint::size).containsExactly(7L, 15L);
    }

    @Test
    void aReceiptHoldsTheChainHashACoveringCheckpointAndTheProofIntoIt() {
        append(12, "org.example.ScoreRecorded");
        TransparencyLog log = log();
        StoredEvent event = log.event(5).orElseThrow();

        TransparencyLog.Receipt receipt = log.receipt(event);

        assertThat(receipt.hash()).isEqualTo(HexFormat.of().parseHex(event.hash()));
        Checkpoint checkpoint = SignedNote.verifiedCheckpoint(receipt.checkpoint().note(), key.verifierKey())
                .orElseThrow();
        assertThat(checkpoint.size()).isGreaterThanOrEqualTo(5);
        assertThat(MerkleProofs.verifyInclusion(4, checkpoint.size(), MerkleHashes.leaf(receipt.hash()),
                receipt.inclusion().hashes(), checkpoint.root())).isTrue();
        assertThat(log.event(13)).isEmpty();
    }
}
