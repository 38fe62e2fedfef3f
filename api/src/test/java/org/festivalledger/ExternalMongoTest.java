package org.festivalledger;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.RealMongo;
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
 * the test stands in for the external MongoDB (no real one can be installed on our build machines), or, under
 * {@code -Pmongodb} with {@code MONGODB_URI}, the real one.
 */
class ExternalMongoTest {

    @TempDir
    Path directory;

    @Test
    void aConfiguredMongoUriIsUsedAndNoEmbeddedStoreStarts() {
        RealMongo.assumeAvailableWhenRequired();
        FestivalLedgerApplication.quietAxon();
        Path unusedDataDir = directory.resolve("unused");
        // Under -Pmongodb with MONGODB_URI, the real MongoDB; otherwise an embedded store standing in for it.
        String database = RealMongo.uri().isPresent() ? RealMongo.databaseFor(directory.toString()) : "festival-external";
        try (EmbeddedMongoStore external = RealMongo.uri().isPresent() ? null
                : EmbeddedMongoStore.start(directory.resolve("external"), 0)) {
            String uri = RealMongo.uri().orElseGet(() -> external.connectionString());
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FestivalLedgerApplication.class)
                    .run("--server.port=0", "--ledger.data-dir=" + unusedDataDir, "--spring.data.mongodb.uri=" + uri,
                            "--ledger.database=" + database,
                            "--ledger.demo.enabled=true");
                 MongoClient client = MongoClients.create(uri)) {
                assertions(app, client, unusedDataDir, database);
            }
        }
    }

    private static void assertions(ConfigurableApplicationContext app, MongoClient client, Path unusedDataDir,
                                   String database) {
        assertThat(app.getBeansOfType(EmbeddedMongoStore.class)).isEmpty();
        assertThat(Files.exists(unusedDataDir.resolve(EmbeddedMongoStore.FILE_NAME))).isFalse();
        long head = app.getBean(LedgerLog.class).head().position();
        assertThat(head).as("the demo was recorded").isGreaterThan(430);
        assertThat(client.getDatabase(database).getCollection(LedgerLog.COMMITS).countDocuments()).isPositive();
    }
}
