package org.festivalledger.entrant;

import com.mongodb.client.MongoDatabase;
import org.festivalledger.storage.LedgerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;

/** The erasable store of entrants' personal data and the key that protects it. */
@Configuration(proxyBeanMethods = false)
class EntrantConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EntrantConfiguration.class);

    @Bean
    EntrantDataKey entrantDataKey(EntrantProperties properties, LedgerProperties ledger) {
        Path file = properties.keyFile() != null ? properties.keyFile() : ledger.dataDir().resolve("entrant-data.key");
        try {
            EntrantDataKey key = EntrantDataKey.loadOrCreate(file);
            log.info("Entrants' addresses are hashed and encrypted with the key in {}", file);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the entrant data key at " + file, e);
        }
    }

    /** SMTP when {@code spring.mail.host} is set; the demo's mailbox (a primary bean) replaces it in demo mode. */
    @Bean
    MailOut mailOut(ObjectProvider<JavaMailSender> smtp, EntrantProperties properties) {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            log.info("No mail server is configured (spring.mail.host): entrants' notifications wait in the outbox");
            return new NoMailServer();
        }
        return new SmtpMail(sender, properties.mailFrom());
    }

    @Bean
    EntrantDirectory entrantDirectory(MongoDatabase database, EntrantDataKey key, Clock clock) {
        return new EntrantDirectory(database, key, clock);
    }
}
