package org.festivalledger.ledger.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store file is opened so that only {@link CommittingH2Backend} commits it, between whole writes. */
class StoreFileOpeningTest {

    @TempDir
    Path directory;

    @Test
    void h2NeverCommitsOnItsOwnHoweverMuchIsUnsaved() {
        MVStore store = EmbeddedMongoStore.openFile(directory.resolve(EmbeddedMongoStore.FILE_NAME));
        try {
            MVMap<Integer, String> documents = store.openMap("documents");
            store.commit();
            long version = store.getCurrentVersion();
            String page = "x".repeat(10_000);
            // 60 MB of unsaved pages: three times H2's largest write buffer, past which it would commit mid-write.
            for (int i = 0; i < 6_000; i++) {
                documents.put(i, page + i);
            }
            assertThat(store.getCurrentVersion()).as("no commit happened during the writes").isEqualTo(version);
            assertThat(store.hasUnsavedChanges()).isTrue();
        } finally {
            store.close();
        }
    }

    @Test
    void writesThatAreNotDurableAreStillCommittedBetweenWholeWritesOnceEnoughIsUnsaved() {
        try (EmbeddedMongoStore server = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> views = client.getDatabase("festival").getCollection("views_under_test");
            for (int round = 0; round < 3; round++) {
                List<Document> batch = new ArrayList<>();
                for (int i = 0; i < 2_500; i++) {
                    batch.add(new Document("_id", round + "-" + i).append("view", "x".repeat(8_000)));
                }
                views.insertMany(batch); // one write command of 20 MB: H2 counts it as over the limit
                assertThat(server.unsavedBytes()).as("unsaved after write %d", round)
                        .isLessThanOrEqualTo(CommittingH2Backend.UNSAVED_LIMIT);
            }
        }
    }
}
