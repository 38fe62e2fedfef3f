package org.festivalledger.ledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;

import java.nio.file.Path;

/**
 * An embedded store on a file in a test's temporary directory, with a driver connected to it; or, under
 * {@code -Pmongodb} with {@code MONGODB_URI}, a database of the test's own on that real MongoDB ({@link RealMongo}).
 */
final class TestStore implements AutoCloseable {

    final EmbeddedMongoStore server;
    final MongoClient client;
    final MongoDatabase database;

    private TestStore(EmbeddedMongoStore server, MongoClient client, String database) {
        this.server = server;
        this.client = client;
        this.database = client.getDatabase(database);
    }

    static TestStore open(Path directory) {
        RealMongo.assumeAvailableWhenRequired();
        if (RealMongo.uri().isPresent()) {
            return new TestStore(null, MongoClients.create(RealMongo.uri().get()),
                    RealMongo.databaseFor(directory.toAbsolutePath().toString()));
        }
        EmbeddedMongoStore server = EmbeddedMongoStore.start(directory, 0);
        return new TestStore(server, MongoClients.create(server.connectionString()), "festival");
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.close();
        }
    }
}
