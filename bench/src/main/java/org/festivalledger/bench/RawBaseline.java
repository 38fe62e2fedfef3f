package org.festivalledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The store itself, without the ledger or the app, on the benchmark's own data once the app has stopped: how
 * fast it scans every commit and inserts the same documents one by one, and the size of the data on disk.
 */
final class RawBaseline {

    private static final int INSERTS = 5_000;

    private RawBaseline() {
    }

    static void report(Path data) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(data)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> commits = client.getDatabase("festival").getCollection(LedgerLog.COMMITS);
            long t0 = System.nanoTime();
            long events = 0;
            List<Document> sample = new ArrayList<>();
            for (Document commit : commits.find().batchSize(1000)) {
                events += commit.getList("events", Document.class).size();
                if (sample.size() < INSERTS) {
                    sample.add(commit);
                }
            }
            double scan = (System.nanoTime() - t0) / 1e9;
            MongoCollection<Document> copy = client.getDatabase("festival").getCollection("raw_insert_baseline");
            long t1 = System.nanoTime();
            for (Document commit : sample) {
                copy.insertOne(new Document(commit)); // one document, one round trip: as a command's commit
            }
            double insert = (System.nanoTime() - t1) / 1e9;
            copy.drop();
            System.out.printf(Locale.ROOT, "| raw store: scan of every commit (%,d events) | %.1f s = %,.0f events/s |%n",
                    events, scan, events / scan);
            System.out.printf(Locale.ROOT, "| raw store: %,d commit documents inserted one by one | %,.0f inserts/s |%n",
                    sample.size(), sample.size() / insert);
            System.out.printf(Locale.ROOT, "| data on disk after a clean stop (embedded store's H2 file) | %,.1f MB = %,.0f bytes/event |%n",
                    bytes / 1e6, (double) bytes / Math.max(1, events));
        }
    }
}
