package org.festivalledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * {@code scoresPerSecond}: the benchmark's scores through HTTP, printed as a share of both insert rates. Issue #15's
     * target compares with the first, the rate its figures were measured against: the store's own one-by-one insert
     * into a collection it commits to the file about once a second. The second inserts into a collection the store
     * commits before each reply, as it does every acknowledged append of the ledger (LedgerBenchmark's baseline too).
     */
    static void report(Path data, double scoresPerSecond, ScoreCost cost) throws IOException {
        long bytes;
        try (Stream<Path> files = Files.walk(data)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(data, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase festival = client.getDatabase("festival");
            MongoCollection<Document> commits = festival.getCollection(LedgerLog.COMMITS);
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
            // This JVM's JIT compiles the driver's and the store's code during the first thousands of inserts: without
            // a warm-up the first rate measured was the slower one whichever it was (1,302 vs 1,856/s, 2026-12-02).
            List<Document> warmUp = sample.subList(0, Math.min(2_000, sample.size()));
            insertOneByOne(festival.getCollection("raw_insert_warm_up"), warmUp);
            insertOneByOne(festival.getCollection("ledger_raw_insert_warm_up"), warmUp);
            Inserts raw = insertOneByOne(festival.getCollection("raw_insert_baseline"), sample);
            double inserts = raw.perSecond();
            // "ledger_": a collection the embedded store commits to its file before each reply (isDurable).
            double durableInserts = insertOneByOne(festival.getCollection("ledger_raw_insert_baseline"), sample)
                    .perSecond();
            System.out.printf(Locale.ROOT, "| raw store: scan of every commit (%,d events) | %.1f s = %,.0f events/s |%n",
                    events, scan, events / scan);
            System.out.printf(Locale.ROOT, "| raw store: %,d commit documents inserted one by one, committed about once a"
                    + " second | %,.0f inserts/s; scores through HTTP %.1f %% of it |%n",
                    sample.size(), inserts, 100 * scoresPerSecond / inserts);
            System.out.printf(Locale.ROOT, "| raw store: the same, each committed before its reply (as an acknowledged"
                    + " append) | %,.0f inserts/s; scores through HTTP %.1f %% of it |%n",
                    durableInserts, 100 * scoresPerSecond / durableInserts);
            printBudget(inserts, raw.cpuMs(), cost);
            System.out.printf(Locale.ROOT, "| data on disk after a clean stop (embedded store's H2 file) | %,.1f MB = %,.0f bytes/event |%n",
                    bytes / 1e6, (double) bytes / Math.max(1, events));
        }
    }

    /**
     * Half the raw insert rate as a CPU budget per score on this machine's cores, beside what a score took and what
     * two of its unavoidable parts take: a request through the web layers that reads the store once (a juror's
     * credential check does), and the store's insert of one commit. If even those two leave less than half the raw
     * rate, no work on the rest can reach it here.
     */
    private static void printBudget(double inserts, double insertCpuMs, ScoreCost cost) {
        int cores = Runtime.getRuntime().availableProcessors();
        double budgetMs = cores * 1000.0 / (inserts / 2);
        double floorMs = cost.floorMs() + insertCpuMs;
        System.out.printf(Locale.ROOT, "| CPU per score (application and clients) at half that insert rate on %d cores"
                        + " | %.2f ms; the scoring took %.2f + %.2f = %.2f ms |%n", cores, budgetMs,
                cost.applicationMs(), cost.clientMs(), cost.perScoreMs());
        System.out.printf(Locale.ROOT, "| … its floor: a request with one store read (%.2f + %.2f ms) and one raw insert (%.2f ms,"
                        + " this JVM's CPU) | %.2f ms = at most %,.0f scores/s = %.1f %% of that insert rate |%n",
                cost.floorApplicationMs(), cost.floorClientMs(), insertCpuMs, floorMs, cores * 1000.0 / floorMs,
                100 * cores * 1000.0 / floorMs / inserts);
    }

    private record Inserts(double perSecond, double cpuMs) {
    }

    /**
     * Inserts copies of the documents one by one (one round trip each, as a command's commit), then drops them; the
     * rate, and this JVM's CPU per insert (the driver, and the store serving it in process).
     */
    private static Inserts insertOneByOne(MongoCollection<Document> collection, List<Document> documents) {
        Duration cpuBefore = AppUnderTest.ownCpuTime();
        long start = System.nanoTime();
        for (Document document : documents) {
            collection.insertOne(new Document(document));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuMs = AppUnderTest.ownCpuTime().minus(cpuBefore).toNanos() / 1e6 / documents.size();
        collection.drop();
        return new Inserts(documents.size() / seconds, cpuMs);
    }
}
