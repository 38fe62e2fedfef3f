package org.festivalledger.transparency;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored tree across many blocks of leaves: roots and proofs agree with the frontier, whatever the batches. */
class LogTreeTest {

    @TempDir
    Path directory;
    EmbeddedMongoStore server;
    MongoClient client;
    MongoDatabase database;
    final List<byte[]> leaves = new ArrayList<>();

    @BeforeEach
    void open() {
        server = EmbeddedMongoStore.start(directory, 0);
        client = MongoClients.create(server.connectionString());
        database = client.getDatabase("festival");
        Random random = new Random(42);
        for (int i = 0; i < 1_100; i++) {
            byte[] leaf = new byte[32];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    private byte[] root(int size) {
        MerkleFrontier frontier = new MerkleFrontier();
        leaves.subList(0, size).forEach(frontier::append);
        return frontier.root();
    }

    @Test
    void rootsAndProofsAcrossBlocksAgreeWithTheFrontierWhateverTheBatches() {
        LogTree tree = new LogTree(database);
        int appended = 0;
        for (int batch : new int[]{1, 255, 3, 300, 1, 1, 250, 289}) {
            tree.append(leaves.subList(appended, appended + batch));
            appended += batch;
            assertThat(tree.root()).isEqualTo(root(appended));
        }
        assertThat(tree.size()).isEqualTo(1_100);
        for (int size : new int[]{1, 2, 255, 256, 257, 511, 512, 513, 768, 1_024, 1_099, 1_100}) {
            byte[] root = root(size);
            assertThat(tree.root(size)).as("root of %d", size).isEqualTo(root);
            for (int leaf : new int[]{0, size / 3, size / 2, size - 1}) {
                assertThat(MerkleProofs.verifyInclusion(leaf, size, MerkleHashes.leaf(leaves.get(leaf)),
                        tree.inclusion(leaf, size), root)).as("leaf %d of %d", leaf, size).isTrue();
            }
            for (int from : new int[]{1, 200, 256, 300, 700}) {
                if (from <= size) {
                    assertThat(MerkleProofs.verifyConsistency(from, size, tree.consistency(from, size), root(from),
                            root)).as("%d → %d", from, size).isTrue();
                }
            }
        }
    }

    @Test
    void aReopenedTreeGoesOnFromItsRightEdgeAndANodeBehindCannotShortenABlock() {
        LogTree first = new LogTree(database);
        first.append(leaves.subList(0, 300));
        LogTree second = new LogTree(database);
        assertThat(second.size()).isEqualTo(300);
        first.append(leaves.subList(300, 400));
        // The second node still believes in 300 leaves and appends the same next ones, fewer of them.
        second.append(leaves.subList(300, 350));
        assertThat(new LogTree(database).root(400)).isEqualTo(root(400));
        assertThat(second.refresh()).isEqualTo(400);
        second.append(leaves.subList(400, 1_100));
        LogTree reopened = new LogTree(database);
        assertThat(reopened.size()).isEqualTo(1_100);
        assertThat(reopened.root()).isEqualTo(root(1_100));
        assertThat(reopened.hash(0, 777)).isEqualTo(MerkleHashes.leaf(leaves.get(777)));
    }
}
