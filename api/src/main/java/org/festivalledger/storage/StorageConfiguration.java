package org.festivalledger.storage;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The MongoDB connection: the embedded store by default, or a real MongoDB when a URI is given. Either
 * way the application talks to it through the real MongoDB driver.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    /** Started only when no MongoDB URI is configured; closed (file and all) on shutdown. */
    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${ledger.mongodb-uri:}'.isBlank()")
    EmbeddedMongoStore embeddedMongoStore(LedgerProperties properties) {
        return EmbeddedMongoStore.start(properties.dataDir(), properties.embeddedPort());
    }

    // Asks for the embedded store first, so the server listens before anything connects or creates indexes.
    @Bean(destroyMethod = "close")
    MongoClient mongoClient(LedgerProperties properties, ObjectProvider<EmbeddedMongoStore> embeddedStore) {
        Optional<EmbeddedMongoStore> embedded = Optional.ofNullable(embeddedStore.getIfAvailable());
        String uri = embedded.map(EmbeddedMongoStore::connectionString).orElse(properties.mongodbUri());
        if (embedded.isEmpty()) {
            log.info("Using MongoDB at {}", new ConnectionString(uri).getHosts());
        }
        return MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
                .build());
    }

    @Bean
    MongoDatabase mongoDatabase(MongoClient client, LedgerProperties properties) {
        return client.getDatabase(properties.database());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LedgerLog ledgerLog(MongoDatabase database, Clock clock, ObjectProvider<LedgerLog.AppendProbe> probe,
                        ObjectProvider<EmbeddedMongoStore> embedded, LedgerProperties properties) {
        // On the embedded store concurrent appends share one file commit; CommandDispatch waits for it before
        // any answer says "recorded". A real MongoDB journals every append with a majority write instead.
        // On a port picked at random the embedded store is this process's own, and this ledger makes every append to
        // it: its sole writer. A fixed port is there for other nodes to join it (./bench.sh restart does), as on a
        // shared MongoDB, and they may append too.
        EmbeddedMongoStore store = embedded.getIfAvailable();
        boolean soleWriter = store != null && properties.embeddedPort() == 0;
        LedgerLog ledger = new LedgerLog(database, clock, store == null ? null : store::awaitDurable, soleWriter);
        probe.ifAvailable(ledger::setProbe);
        return ledger;
    }
}
