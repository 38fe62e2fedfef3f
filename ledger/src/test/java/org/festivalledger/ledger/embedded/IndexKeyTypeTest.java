package org.festivalledger.ledger.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The unique indexes' key type orders keys exactly as H2's own type does, so the trees of a file written before it
 * are searched correctly after it, and the store's indexes use it.
 */
class IndexKeyTypeTest {

    @TempDir
    Path directory;

    private final Random random = new Random(15);

    @Test
    void itOrdersKeysExactlyAsH2sOwnTypeDoes() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType ours = new IndexKeyType();
        List<KeyValue> keys = randomKeys(400);
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                assertThat(Integer.signum(ours.compare(a, b))).as("%s vs %s", a, b)
                        .isEqualTo(Integer.signum(h2.compare(a, b)));
            }
        }
    }

    @Test
    void itsBinarySearchFindsWhatH2sFindsInATreePageSortedByH2() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType ours = new IndexKeyType();
        KeyValue[] page = randomKeys(300).stream().distinct().sorted(h2::compare).toArray(KeyValue[]::new);
        for (KeyValue wanted : randomKeys(300)) {
            for (int guess : new int[]{0, 1, page.length / 2, page.length, page.length + 3}) {
                assertThat(ours.binarySearch(copy(wanted), page, page.length, guess))
                        .isEqualTo(h2.binarySearch(copy(wanted), page, page.length, guess));
            }
        }
        for (int i = 0; i < page.length; i++) {
            assertThat(ours.binarySearch(copy(page[i]), page, page.length, 0)).isEqualTo(i);
        }
    }

    @Test
    void oneKeySearchedPageAfterPageIsFoundInEachAndAKeyWhoseDocumentChangedIsSearchedByItsNewValue() {
        ObjectDataType h2 = new ObjectDataType();
        IndexKeyType ours = new IndexKeyType();
        KeyValue[] upper = randomKeys(300).stream().distinct().sorted(h2::compare).toArray(KeyValue[]::new);
        KeyValue[] leaf = Arrays.copyOfRange(upper, 100, 140);
        KeyValue wanted = copy(upper[120]);
        // As H2 descends a tree: the same key object, one page after another.
        assertThat(ours.binarySearch(wanted, upper, upper.length, 0)).isEqualTo(120);
        assertThat(ours.binarySearch(wanted, leaf, leaf.length, 0)).isEqualTo(20);

        KeyValue[] documents = new KeyValue[50];
        for (int i = 0; i < documents.length; i++) {
            documents[i] = new KeyValue(new de.bwaldvogel.mongo.bson.Document("n", (long) i));
        }
        Arrays.sort(documents, h2::compare);
        de.bwaldvogel.mongo.bson.Document value = new de.bwaldvogel.mongo.bson.Document("n", 7L);
        KeyValue changing = new KeyValue(value);
        int before = ours.binarySearch(changing, documents, documents.length, 0);
        value.put("n", 31L);
        int after = ours.binarySearch(changing, documents, documents.length, 0);

        assertThat(before).isEqualTo(h2.binarySearch(new KeyValue(new de.bwaldvogel.mongo.bson.Document("n", 7L)),
                documents, documents.length, 0)).isNotNegative();
        assertThat(after).isEqualTo(h2.binarySearch(changing, documents, documents.length, 0)).isNotEqualTo(before);
    }

    @Test
    void aStoreWrittenWithH2sOwnKeyTypeIsSearchedCorrectlyWithThisOne() {
        Path file = directory.resolve(EmbeddedMongoStore.FILE_NAME);
        MVStore plain = new MVStore.Builder().fileName(file.toString()).open();
        MongoServer server = new MongoServer(new H2Backend(plain));
        try (MongoClient client = MongoClients.create("mongodb://" + address(server.bind()))) {
            MongoCollection<Document> ledger = client.getDatabase("festival").getCollection("ledger_commits");
            ledger.createIndex(Indexes.ascending("keys"), new IndexOptions().unique(true));
            for (int i = 1; i <= 3_000; i++) {
                ledger.insertOne(new Document("_id", (long) i).append("keys", "key-" + random.nextInt(1_000_000) + "-" + i));
            }
        } finally {
            server.shutdown();
            plain.close();
        }

        EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0);
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> ledger = client.getDatabase("festival").getCollection("ledger_commits");
            for (long i = 1; i <= 3_000; i += 7) {
                Document commit = ledger.find(Filters.eq("_id", i)).first();
                assertThat(commit).as("commit %d by _id", i).isNotNull();
                assertThat(ledger.find(Filters.eq("keys", commit.getString("keys"))).first())
                        .as("commit %d by its unique key", i).isEqualTo(commit);
            }
            assertThatThrownBy(() -> ledger.insertOne(new Document("_id", 3_001L)
                    .append("keys", ledger.find(Filters.eq("_id", 5L)).first().getString("keys"))))
                    .as("the old unique index still refuses a taken key").hasMessageContaining("duplicate key");
            assertThat(store.indexKeyTypes()).isNotEmpty().allSatisfy(type -> assertThat(type).isInstanceOf(IndexKeyType.class));
        } finally {
            store.close();
        }
    }

    private List<KeyValue> randomKeys(int count) {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(switch (random.nextInt(5)) {
                case 0 -> new KeyValue("judging-" + random.nextInt(50));
                case 1 -> new KeyValue(random.nextLong() % 1_000_000);
                case 2 -> new KeyValue("judging-" + random.nextInt(50), (long) random.nextInt(200_000));
                case 3 -> new KeyValue(random.nextInt(3) == 0 ? "" : "k".repeat(random.nextInt(300)));
                default -> new KeyValue(random.nextInt(1000), random.nextBoolean() ? null : random.nextDouble());
            });
        }
        return keys;
    }

    /** A key equal to {@code key} but another object: what a lookup brings. */
    private static KeyValue copy(KeyValue key) {
        return new KeyValue(Arrays.asList(key.stream().toArray()));
    }

    private static String address(java.net.InetSocketAddress address) {
        return address.getHostString() + ":" + address.getPort();
    }
}
