package org.festivalledger.storage;

import org.festivalledger.ledger.embedded.EmbeddedMongoStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar festival-ledger.jar compact <data-dir>}: rewrites the embedded store's file of a stopped
 * application so it holds its live data only (after a festival, before an archive or a copy). Exit code 0 when
 * done, 1 when the file cannot be compacted (missing, or still open in a running application), 2 on bad usage.
 */
public final class OfflineCompaction {

    private OfflineCompaction() {
    }

    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: java -jar festival-ledger.jar compact <data-dir>   (the application must be stopped)");
            return 2;
        }
        Path directory = Path.of(args.get(0));
        try {
            long started = System.nanoTime();
            long[] sizes = EmbeddedMongoStore.compactOffline(directory);
            out.printf(Locale.ROOT, "Compacted %s: %,.1f MB → %,.1f MB in %.1f s%n",
                    directory.resolve(EmbeddedMongoStore.FILE_NAME), sizes[0] / 1e6, sizes[1] / 1e6,
                    (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("Not compacted: " + e.getMessage());
            return 1;
        }
    }
}
