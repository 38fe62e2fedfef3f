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
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A soak, not a test ({@code mvn -o -B -q test -pl ledger -Dtest=RetentionReopenProbe -Dretention.probe=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; minutes): the store's file, at the chunk retention it runs with
 * ({@link EmbeddedMongoStore#RETENTION_MILLIS}), reopens under the load that made H2 lose track of reused chunks
 * elsewhere ("Double mark" on reopen, H2 issues #2752 and #4387, seen with retention 0 and 1 s). Each cycle, eight
 * writers append durable documents and overwrite and delete others for longer than the retention, so that chunks are
 * freed and their space reused (the file stops growing: printed per cycle); then the store stops, cleanly in even
 * cycles (without the rewrite of a sparse file, so the next start reads the file as H2 wrote it) and as if the
 * process had been killed in odd ones (H2's clean close commits its last chunk with no retention at all, so only
 * the killed stops read a file whose chunks were reused at this retention). The next start must open it and hold
 * every acknowledged append, and every overwritten document must read.
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
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            long before = appended.get();
            EmbeddedMongoStore server = EmbeddedMongoStore.start(directory, 0);
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                MongoCollection<Document> ledger = client.getDatabase("festival").getCollection("ledger_probe");
                MongoCollection<Document> views = client.getDatabase("festival").getCollection("views_probe");
                assertThat(ledger.countDocuments()).as("acknowledged appends after start %d", cycle)
                        .isEqualTo(before);
                views.find().forEach(view -> assertThat(view.getString("rows")).isNotEmpty());
                long deadline = System.currentTimeMillis() + CYCLE_MILLIS;
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 8; w++) {
                    int writer = w;
                    String ids = cycle + ":" + w + ":";
                    Thread thread = new Thread(() -> {
                        try {
                            Random random = new Random(ids.hashCode());
                            for (int i = 0; System.currentTimeMillis() < deadline; i++) {
                                // Counted only once acknowledged: the count after a restart must be exactly this.
                                ledger.insertOne(new Document("_id", ids + i)
                                        .append("payload", randomText(random, 300 + i % 700)));
                                appended.incrementAndGet();
                                String view = writer + "-" + (i % 200);
                                if (i % 7 == 0) {
                                    views.deleteOne(Filters.eq("_id", view));
                                } else {
                                    views.replaceOne(Filters.eq("_id", view), new Document("_id", view)
                                                    .append("rows", randomText(random, 1_000 + i % 3_000)),
                                            new ReplaceOptions().upsert(true));
                                }
                            }
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                    });
                    thread.start();
                    writers.add(thread);
                }
                for (Thread thread : writers) {
                    thread.join();
                }
            } finally {
                if (cycle % 2 == 0) {
                    server.close(false); // the file as H2 leaves it (a sparse one is otherwise rewritten afresh)
                } else {
                    server.closeAsIfKilled();
                }
            }
            assertThat(failures).as("writers' failures").isEmpty();
            System.out.printf("cycle %d (%s): %,d appends in all, file %,d bytes%n", cycle,
                    cycle % 2 == 0 ? "clean stop" : "killed", appended.get(),
                    Files.size(directory.resolve(EmbeddedMongoStore.FILE_NAME)));
        }
        try (EmbeddedMongoStore server = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("festival").getCollection("ledger_probe").countDocuments())
                    .isEqualTo(appended.get());
        }
    }

    /** Text that compresses about as little as a document's: pages of realistic size on disk. */
    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }
}
