package org.festivalledger.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;

import java.nio.file.Path;

/** An embedded store on a file in a test's temporary directory, with a driver connected to it. */
final class TestStore implements AutoCloseable {

    final EmbeddedMongoStore server;
    final MongoClient client;
    final MongoDatabase database;

    private TestStore(EmbeddedMongoStore server) {
        this.server = server;
        this.client = MongoClients.create(server.connectionString());
        this.database = client.getDatabase("festival");
    }

    static TestStore open(Path directory) {
        return new TestStore(EmbeddedMongoStore.start(directory, 0));
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
