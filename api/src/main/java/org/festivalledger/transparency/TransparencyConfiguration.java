package org.festivalledger.transparency;

import com.mongodb.client.MongoDatabase;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.storage.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** The ledger as a transparency log: its tree, its checkpoints and the key that signs them. */
@Configuration(proxyBeanMethods = false)
class TransparencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TransparencyConfiguration.class);
    private static final String PUBLICATION = ResultsPublished.class.getName();

    @Bean
    LogSigningKey logSigningKey(LogProperties properties, LedgerProperties ledger,
                                @Value("${ledger.demo.enabled:false}") boolean demo) {
        Path file = properties.keyFile() != null ? properties.keyFile() : ledger.dataDir().resolve("log-signing.key");
        try {
            if (demo && properties.keyFile() == null) {
                // The demo signs with a published key, so the README can show its verifier key (like its fixed
                // juror tokens); a real deployment creates its own on first start.
                try (InputStream demoKey = new ClassPathResource("demo/log-signing.key").getInputStream()) {
                    if (LogSigningKey.installIfAbsent(file, demoKey.readAllBytes())) {
                        log.warn("Demo mode: checkpoints are signed with the demo key published in the repository");
                    }
                }
            }
            LogSigningKey key = LogSigningKey.loadOrCreate(file, properties.origin());
            // The verifier key is public by design; the file's path is logged, never its content.
            log.info("Checkpoints are signed with the key in {}; verifier key {}", file, key.verifierKey());
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the log's signing key at " + file, e);
        }
    }

    @Bean
    TransparencyLog transparencyLog(LedgerLog ledger, MongoDatabase database, LogSigningKey key, Clock clock) {
        // A publication makes decisions public: the log signs the tree exactly as it stood at that event.
        return new TransparencyLog(ledger, new LogTree(database), new Checkpoints(database), key, clock,
                event -> PUBLICATION.equals(event.payloadType()));
    }
}
