package org.festivalledger.ledger.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak, not a test ({@code mvn -o -B -q test -pl ledger -Dtest=RetentionReopenProbe -Dretention.probe=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; minutes): the store's file, at the chunk retention it runs with
 * ({@link EmbeddedMongoStore#RETENTION_MILLIS}), reopens after every clean close under the load that made H2 lose
 * track of reused chunks elsewhere ("Double mark" on reopen, H2 issues #2752 and #4387, seen with retention 0 and
 * 1 s): eight writers appending, overwriting and deleting documents for longer than the retention, so that chunks
 * are freed and their space reused, then a clean close that leaves the file as H2 wrote it, a reopen and a count of what was acknowledged.
 */
@EnabledIfSystemProperty(named = "retention.probe", matches = "true")
class RetentionReopenProbe {

    private static final int CYCLES = Integer.getInteger("retention.probe.cycles", 8);
    private static final long CYCLE_MILLIS = EmbeddedMongoStore.RETENTION_MILLIS + 10_000L;

    @TempDir
    Path directory;

    @Test
    void theFileReopensWithEveryAcknowledgedWriteAfterChunksWereReused() throws Exception {
        AtomicLong appended = new AtomicLong();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            long before = appended.get();
            EmbeddedMongoStore server = EmbeddedMongoStore.start(directory, 0);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> ledger = client.getDatabase("festival").getCollection("ledger_probe");
                MongoCollection<Document> views = client.getDatabase("festival").getCollection("views_probe");
                assertThat(ledger.countDocuments()).as("acknowledged appends after reopen %d", cycle)
                        .isEqualTo(before);
                long deadline = System.currentTimeMillis() + CYCLE_MILLIS;
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    int writer = w;
                    Thread thread = new Thread(() -> {
                        for (int i = 0; System.currentTimeMillis() < deadline; i++) {
                            ledger.insertOne(new Document("_id", appended.incrementAndGet())
                                    .append("payload", "x".repeat(300 + i % 700)));
                            String view = writer + "-" + (i % 200);
                            if (i % 7 == 0) {
                                views.deleteOne(Filters.eq("_id", view));
                            } else {
                                views.replaceOne(Filters.eq("_id", view), new Document("_id", view)
                                        .append("rows", "y".repeat(1_000 + i % 3_000)), new ReplaceOptions().upsert(true));
                            }
                        }
                    });
                    thread.start();
                    writers.add(thread);
                }
                for (Thread thread : writers) {
                    thread.join();
                }
            } finally {
                // The file as H2 leaves it, reused chunks and all (a sparse one is otherwise rewritten afresh).
                server.close(false);
            }
            System.out.printf("cycle %d: %,d appends in all, file %,d bytes%n", cycle, appended.get(),
                    Files.size(directory.resolve(EmbeddedMongoStore.FILE_NAME)));
        }
        try (EmbeddedMongoStore server = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("festival").getCollection("ledger_probe").countDocuments())
                    .isEqualTo(appended.get());
        }
    }
}
