package org.festivalledger.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.festivalledger.transparency.Checkpoint;
import org.festivalledger.transparency.LogSigningKey;
import org.festivalledger.transparency.LogTree;
import org.festivalledger.transparency.MerkleFrontier;
import org.festivalledger.transparency.MerkleHashes;
import org.festivalledger.transparency.MerkleProofs;
import org.festivalledger.transparency.SignedNote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What the transparency log costs: the tree per appended event (in memory, and persisted on the embedded store, in
 * batches as a node catching up appends and one event at a time as a node following the head does), an inclusion
 * and a consistency proof (computed, and read from the store), their verification, and signing a checkpoint.
 * Leaves are random 32-byte chain hashes: the tree never looks inside an event.
 */
final class TransparencyBenchmark {

    private static final int REPEATS = 2_000;

    private TransparencyBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        System.out.printf("Transparency log benchmark: %,d events, %s, %d cores, Java %s%n", events,
                System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        Random random = new Random(7);
        List<byte[]> leaves = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            byte[] leaf = new byte[32];
            random.nextBytes(leaf);
            leaves.add(leaf);
        }
        List<String> rows = new ArrayList<>();

        // In memory: the frontier (what every append adds) and proofs over subtrees kept in a map.
        Map<String, byte[]> kept = new HashMap<>();
        MerkleFrontier frontier = new MerkleFrontier();
        for (int warm = 0; warm < 2; warm++) {
            kept.clear();
            frontier = new MerkleFrontier();
            long started = System.nanoTime();
            for (byte[] leaf : leaves) {
                frontier.append(leaf, (level, index, hash) -> kept.put(level + ":" + index, hash));
            }
            if (warm == 1) {
                rows.add(row("append one event to the tree, in memory", (System.nanoTime() - started) / events));
            }
        }
        long size = frontier.size();
        byte[] root = frontier.root();
        long[] positions = random.longs(REPEATS, 0, size).toArray();
        rows.add(row("inclusion proof, computed from kept subtrees", median(() -> {
            long leaf = positions[random.nextInt(REPEATS)];
            MerkleProofs.inclusion(leaf, size, (level, index) -> kept.get(level + ":" + index));
        })));
        List<byte[]> proof = MerkleProofs.inclusion(positions[0], size, (level, index) -> kept.get(level + ":" + index));
        byte[] leafHash = MerkleHashes.leaf(leaves.get((int) positions[0]));
        rows.add(row("inclusion proof, verified (RFC 9162 §2.1.3.2)", median(() -> {
            if (!MerkleProofs.verifyInclusion(positions[0], size, leafHash, proof, root)) {
                throw new IllegalStateException("a proof that does not verify");
            }
        })));
        rows.add(row("consistency proof, computed from kept subtrees", median(() -> {
            long from = 1 + positions[random.nextInt(REPEATS)];
            MerkleProofs.consistency(from, size, (level, index) -> kept.get(level + ":" + index));
        })));
        LogSigningKey key = LogSigningKey.generate("bench.example/ledger");
        Checkpoint checkpoint = new Checkpoint(key.name(), size, root);
        rows.add(row("sign a checkpoint (Ed25519, C2SP note)", median(() -> SignedNote.sign(checkpoint.text(), key))));

        // Persisted on the embedded store, through the driver, as the application keeps it.
        Path directory = Files.createTempDirectory("tlog-bench");
        try (EmbeddedMongoStore store = EmbeddedMongoStore.start(directory, 0);
             MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("bench");
            LogTree tree = new LogTree(database);
            long started = System.nanoTime();
            for (int from = 0; from < events - REPEATS; from += 1_000) {
                tree.append(leaves.subList(from, Math.min(from + 1_000, events - REPEATS)));
            }
            rows.add(row(String.format(Locale.ROOT, "append to the stored tree, batches of 1,000 (to %,d)",
                    events - REPEATS), (System.nanoTime() - started) / (events - REPEATS)));
            long[] single = new long[REPEATS];
            for (int i = 0; i < REPEATS; i++) {
                long one = System.nanoTime();
                tree.append(List.of(leaves.get(events - REPEATS + i)));
                single[i] = System.nanoTime() - one;
            }
            rows.add(row("append one event to the stored tree (following the head)", median(single)));
            if (!Arrays.equals(tree.root(), root)) {
                throw new IllegalStateException("the stored tree's root is not the in-memory one");
            }
            rows.add(row("inclusion proof, read from the store (one batched exact-key read)", median(() ->
                    tree.inclusion(positions[random.nextInt(REPEATS)], size))));
            rows.add(row("consistency proof, read from the store", median(() ->
                    tree.consistency(1 + positions[random.nextInt(REPEATS)], size))));
            long reopen = System.nanoTime();
            LogTree reopened = new LogTree(database);
            rows.add(row("reopen the stored tree (read its right edge)", System.nanoTime() - reopen));
            if (reopened.size() != size) {
                throw new IllegalStateException("the reopened tree lost leaves");
            }
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        System.out.println();
        System.out.println("| operation | median µs |");
        System.out.println("|---|---:|");
        rows.forEach(System.out::println);
    }

    private static String row(String what, long nanos) {
        String line = String.format(Locale.ROOT, "| %s | %,.1f |", what, nanos / 1000.0);
        System.out.println(line);
        return line;
    }

    private static long median(Runnable operation) {
        for (int i = 0; i < REPEATS / 4; i++) {
            operation.run();
        }
        long[] times = new long[REPEATS];
        for (int i = 0; i < REPEATS; i++) {
            long started = System.nanoTime();
            operation.run();
            times[i] = System.nanoTime() - started;
        }
        return median(times);
    }

    private static long median(long[] times) {
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
