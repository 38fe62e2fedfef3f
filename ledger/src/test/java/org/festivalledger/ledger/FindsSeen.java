package org.festivalledger.ledger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client of the test store (or of the real MongoDB under -Pmongodb) that keeps the filter of every find it sends. */
final class FindsSeen implements AutoCloseable {

    /** The filters, in the order sent. */
    final List<String> filters = new CopyOnWriteArrayList<>();
    private final MongoClient client;
    private final String database;

    FindsSeen(TestStore store) {
        String uri = RealMongo.uri().orElseGet(() -> store.server.connectionString());
        this.database = store.database.getName();
        this.client = MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        if (event.getCommandName().equals("find")) {
                            filters.add(String.valueOf(event.getCommand().get("filter")));
                        }
                    }
                }).build());
    }

    /** The test store's database, through this client. */
    MongoDatabase database() {
        return client.getDatabase(database);
    }

    int count() {
        return filters.size();
    }

    @Override
    public void close() {
        client.close();
    }
}
