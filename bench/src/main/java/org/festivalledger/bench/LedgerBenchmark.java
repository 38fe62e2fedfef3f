package org.festivalledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.PendingEvent;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The ledger against the bare store it runs on, measured in the same run so machine noise cancels out
 * of the ratios: appends/s beside raw driver inserts of the very same commit documents, and replayed
 * events/s beside a raw scan of the very same documents, with 10,000 and with 200,000 events stored.
 *
 * <p>Run: {@code ./bench.sh ledger} from the project root.
 */
public final class LedgerBenchmark {

    private static final int[] SIZES = {10_000, 200_000};
    private static final int BLOCK = 200;
    private static final int BLOCKS = 15;
    private static final String PAYLOAD = "{\"roundId\":\"preliminary\",\"jurorId\":\"juror-17\","
            + "\"submissionId\":\"entry-%d\",\"marks\":{\"artistic-impact\":8.5,\"thematic-expression\":7,"
            + "\"innovative-ai-use\":9},\"comment\":\"Striking use of generated imagery.\"}";
    private static final String METADATA = "{\"actor\":\"juror-17\",\"role\":\"JUROR\","
            + "\"correlationId\":\"%s\",\"traceId\":\"%s\"}";

    private long sequence;

    public static void main(String[] args) throws IOException {
        new LedgerBenchmark().run();
    }

    private void run() throws IOException {
        Path directory = Files.createTempDirectory("ledger-bench");
        System.out.printf("Ledger benchmark: %s, %d cores, Java %s%n", System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        List<String> rows = new ArrayList<>();
        try {
            measure(directory, rows);
        } finally {
            AppUnderTest.deleteTree(directory); // after a failure too: never leave a store in the temp directory
        }
        System.out.println();
        System.out.println("| events stored | appends/s | raw inserts/s | append/raw | replay events/s"
                + " | raw scan events/s | replay/raw |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
        rows.forEach(System.out::println);
    }

    private void measure(Path directory, List<String> rows) throws IOException {
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("bench");
            LedgerLog ledger = new LedgerLog(database, Clock.systemUTC());
            // Same durability as the ledger: the embedded store commits "ledger_" collections on every write.
            MongoCollection<Document> raw = database.getCollection("ledger_raw_baseline");
            MongoCollection<Document> commits = database.getCollection(LedgerLog.COMMITS);

            warmUp(ledger, commits, raw);
            for (int size : SIZES) {
                fill(ledger, size);
                Rates appends = measureAppends(ledger, commits, raw);
                Rates replay = measureReplay(ledger, commits, database);
                rows.add(String.format(Locale.ROOT, "| %,d | %,.0f | %,.0f | %.0f %% | %,.0f | %,.0f | %.0f %% |",
                        size, appends.ledger, appends.raw, 100 * appends.ledger / appends.raw,
                        replay.ledger, replay.raw, 100 * replay.ledger / replay.raw));
                System.out.println(rows.get(rows.size() - 1));
            }
        }
    }

    private record Rates(double ledger, double raw) {
    }

    private void warmUp(LedgerLog ledger, MongoCollection<Document> commits, MongoCollection<Document> raw) {
        for (int round = 0; round < 3; round++) {
            measureAppends(ledger, commits, raw);
            ledger.readFrom(1).count();
        }
        raw.deleteMany(new Document());
    }

    /** Brings the log to {@code size} events with bulk commits of realistic one-event commits. */
    private void fill(LedgerLog ledger, long size) {
        long missing = size - ledger.head().position();
        while (missing > 0) {
            List<List<PendingEvent>> batch = new ArrayList<>();
            for (int i = 0; i < Math.min(1000, missing); i++) {
                batch.add(List.of(nextEvent()));
            }
            missing -= ledger.appendAll(batch);
        }
    }

    /**
     * Alternates blocks of ledger appends and raw inserts of copies of the documents those appends
     * wrote, so both see the same machine at the same moment; reports the median block of each, which
     * a burst of noise from a neighbour on a shared machine does not move.
     */
    private Rates measureAppends(LedgerLog ledger, MongoCollection<Document> commits,
                                 MongoCollection<Document> raw) {
        double[] ledgerRates = new double[BLOCKS];
        double[] rawRates = new double[BLOCKS];
        for (int block = 0; block < BLOCKS; block++) {
            long first = ledger.head().position() + 1;
            long start = System.nanoTime();
            for (int i = 0; i < BLOCK; i++) {
                ledger.append(List.of(nextEvent()), List.of());
            }
            ledgerRates[block] = BLOCK / ((System.nanoTime() - start) / 1e9);

            List<Document> copies = new ArrayList<>(BLOCK);
            for (long position = first; position < first + BLOCK; position++) {
                Document copy = commits.find(Filters.eq("_id", position)).first();
                copy.put("_id", UUID.randomUUID().toString());
                copies.add(copy);
            }
            start = System.nanoTime();
            for (Document copy : copies) {
                raw.insertOne(copy);
            }
            rawRates[block] = BLOCK / ((System.nanoTime() - start) / 1e9);
        }
        return new Rates(median(ledgerRates), median(rawRates));
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    }

    /** A full replay of the log beside a raw scan of a copy of the same documents. */
    private Rates measureReplay(LedgerLog ledger, MongoCollection<Document> commits, MongoDatabase database) {
        MongoCollection<Document> copy = database.getCollection("scan_baseline");
        copy.deleteMany(new Document());
        List<Document> batch = new ArrayList<>();
        for (Document commit : commits.find().batchSize(1000)) {
            batch.add(commit);
            if (batch.size() == 1000) {
                copy.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            copy.insertMany(batch);
        }
        long ledgerNanos = 0;
        long rawNanos = 0;
        long events = 0;
        for (int round = 0; round < 2; round++) {
            long start = System.nanoTime();
            try (var replay = ledger.readFrom(1)) {
                events = replay.count();
            }
            ledgerNanos += System.nanoTime() - start;

            start = System.nanoTime();
            long scanned = 0;
            for (Document commit : copy.find().batchSize(1000)) {
                scanned += commit.getList("events", Document.class).size();
            }
            rawNanos += System.nanoTime() - start;
            if (scanned != events) {
                throw new IllegalStateException("scan saw " + scanned + " events, replay " + events);
            }
        }
        return new Rates(2.0 * events / (ledgerNanos / 1e9), 2.0 * events / (rawNanos / 1e9));
    }

    private PendingEvent nextEvent() {
        long n = sequence++;
        String id = UUID.randomUUID().toString();
        return new PendingEvent("scorecard-" + n, "Scorecard", 0, id, "org.festivalledger.scoring.ScoreRecorded",
                "1", String.format(PAYLOAD, n % 430), String.format(METADATA, id, id), Instant.now());
    }
}
