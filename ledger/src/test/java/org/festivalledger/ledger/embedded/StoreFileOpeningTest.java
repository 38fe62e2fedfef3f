package org.festivalledger.ledger.embedded;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The store file is opened so that only {@link CommittingH2Backend} commits it, between whole writes. */
class StoreFileOpeningTest {

    @TempDir
    Path directory;

    @Test
    void h2NeverCommitsOnItsOwnHoweverMuchIsUnsaved() {
        MVStore store = EmbeddedMongoStore.openFile(directory.resolve(EmbeddedMongoStore.FILE_NAME));
        try {
            MVMap<Integer, String> documents = store.openMap("documents");
            store.commit();
            long version = store.getCurrentVersion();
            String page = "x".repeat(10_000);
            // 60 MB of unsaved pages: three times H2's largest write buffer, past which it would commit mid-write.
            for (int i = 0; i < 6_000; i++) {
                documents.put(i, page + i);
            }
            assertThat(store.getCurrentVersion()).as("no commit happened during the writes").isEqualTo(version);
            assertThat(store.hasUnsavedChanges()).isTrue();
        } finally {
            store.close();
        }
    }
}
