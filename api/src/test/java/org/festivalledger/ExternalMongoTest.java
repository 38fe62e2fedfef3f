package org.festivalledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a MongoDB URI the application uses that server and starts no embedded store. A store started by
 * the test stands in for the external MongoDB (no real one can be installed on our build machines).
 */
class ExternalMongoTest {

    @TempDir
    Path directory;

    @Test
    void aConfiguredMongoUriIsUsedAndNoEmbeddedStoreStarts() {
        FestivalLedgerApplication.quietAxon();
        Path unusedDataDir = directory.resolve("unused");
        try (EmbeddedMongoStore external = EmbeddedMongoStore.start(directory.resolve("external"), 0);
             ConfigurableApplicationContext app = new SpringApplicationBuilder(FestivalLedgerApplication.class)
                     .run("--server.port=0", "--ledger.data-dir=" + unusedDataDir,
                             "--spring.data.mongodb.uri=" + external.connectionString(),
                             "--ledger.database=festival-external", "--ledger.demo.enabled=true");
             MongoClient client = MongoClients.create(external.connectionString())) {

            assertThat(app.getBeansOfType(EmbeddedMongoStore.class)).isEmpty();
            assertThat(Files.exists(unusedDataDir.resolve(EmbeddedMongoStore.FILE_NAME))).isFalse();
            long head = app.getBean(LedgerLog.class).head().position();
            assertThat(head).as("the demo was recorded").isGreaterThan(430);
            assertThat(client.getDatabase("festival-external").getCollection(LedgerLog.COMMITS)
                    .countDocuments()).isPositive();
        }
    }
}
