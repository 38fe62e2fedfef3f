package org.festivalledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/**
 * A view test's store: the embedded store the application runs on by default, one per test class in a directory of
 * its own, reached by the real driver. Each test gives itself a competition of its own, so they can share it.
 */
public abstract class OnAnEmbeddedStore {

    @TempDir
    static Path directory;
    private static EmbeddedMongoStore store;
    private static MongoClient client;
    /** The database views are kept in. */
    protected static MongoDatabase database;

    @BeforeAll
    static void startStore() {
        store = EmbeddedMongoStore.start(directory, 0);
        client = MongoClients.create(store.connectionString());
        database = client.getDatabase("festival");
    }

    @AfterAll
    static void stopStore() {
        client.close();
        store.close();
    }
}
