package org.festivalledger.storage;

import org.festivalledger.ledger.embedded.EmbeddedMongoStore;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded store as a process of its own ({@code java -jar festival-ledger.jar store}), so several app
 * nodes on one machine can share it as they would share a MongoDB: each starts with
 * {@code --ledger.mongodb-uri=mongodb://127.0.0.1:<port>}. It listens on the loopback interface only.
 */
public final class StandaloneStore {

    private StandaloneStore() {
    }

    /** Arguments: {@code --ledger.data-dir=<dir>} (default {@code ./data}), {@code --port=<n>} (default 27017). */
    public static void run(String[] args) throws InterruptedException {
        Path dataDirectory = Path.of(option(args, "--ledger.data-dir=", "./data"));
        int port = Integer.parseInt(option(args, "--port=", "27017"));
        EmbeddedMongoStore store = EmbeddedMongoStore.start(dataDirectory, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close(); // commits and closes the H2 file: a clean stop loses nothing
            stopped.countDown();
        }, "store-shutdown"));
        System.out.println("Festival ledger store ready: " + store.connectionString() + " (data in "
                + store.file() + ")");
        stopped.await();
    }

    private static String option(String[] args, String prefix, String fallback) {
        for (String arg : args) {
            if (arg.startsWith(prefix)) {
                return arg.substring(prefix.length());
            }
        }
        return fallback;
    }
}
