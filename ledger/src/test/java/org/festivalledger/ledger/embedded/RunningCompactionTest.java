package org.festivalledger.ledger.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The compaction that runs beside the writers, a step at a time ({@link CommittingH2Backend#compact()}), on a file. */
class RunningCompactionTest {

    private static final int VALUE_BYTES = 8 * 1024;
    private static final int VALUES = 500; // 4 MB, in one commit: one chunk

    @TempDir
    Path directory;

    @Test
    void aSparseChunkWithMoreLiveDataThanASmallStepMayWriteIsCompactedOnceTheStoreIsQuiet() {
        MVStore store = EmbeddedMongoStore.openFile(directory.resolve(EmbeddedMongoStore.FILE_NAME));
        try {
            store.setRetentionTime(0); // every chunk may be rewritten at once: the test needs no waiting
            CommittingH2Backend backend = new CommittingH2Backend(store, collection -> true);
            MVMap<Integer, byte[]> documents = store.openMap("documents");
            Random random = new Random(15);
            // Such chunks come from a catch-up's or a rebuild's large commits, or from a file rewritten offline.
            for (int i = 0; i < VALUES; i++) {
                documents.put(i, randomBytes(random)); // random bytes: H2's compression cannot shrink them
            }
            store.commit();
            for (int i = 0; i < VALUES / 2; i++) {
                documents.put(i, randomBytes(random)); // half of the first chunk dies: about 2 MB stay live in it
            }
            store.commit();
            MVMap<Integer, Integer> tokens = store.openMap("tokens");
            commitSmallWrites(store, tokens, 3); // H2 never rewrites the newest chunks
            int before = store.getFileStore().getChunksFillRate();
            assertThat(before).as("live share of the file's chunks before").isLessThan(80);

            // No write command reaches the backend: the store is quiet. After a minute's worth of small steps one
            // may write 2 MB, and a minute later one 4 MB: more than the chunk's live data.
            long patience = CompactionSteps.LARGER_STEP_EVERY_MILLIS / EmbeddedMongoStore.COMPACT_MILLIS;
            for (int step = 0; step < 2 * (patience + 1); step++) {
                backend.compact();
            }
            // H2 drops a chunk the step emptied once the versions it keeps (5 by default) are past it.
            commitSmallWrites(store, tokens, 8);

            assertThat(store.getFileStore().getChunksFillRate())
                    .as("live share after the step (before: %d %%)", before).isGreaterThanOrEqualTo(80);
            for (int i = 0; i < VALUES; i++) {
                assertThat(documents.get(i)).as("document %d", i).hasSize(VALUE_BYTES);
            }
        } finally {
            store.close();
        }
    }

    private static void commitSmallWrites(MVStore store, MVMap<Integer, Integer> tokens, int commits) {
        for (int i = 0; i < commits; i++) {
            tokens.merge(i, 1, Integer::sum);
            store.commit();
        }
    }

    private static byte[] randomBytes(Random random) {
        byte[] value = new byte[VALUE_BYTES];
        random.nextBytes(value);
        return value;
    }
}
