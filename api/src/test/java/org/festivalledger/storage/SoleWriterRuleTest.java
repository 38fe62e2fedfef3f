package org.festivalledger.storage;

import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whether this node is the store's sole writer (the outbox, idempotency and the aggregate cache rely on it) is decided
 * from the configuration: only the embedded store on a port picked at random is this process's alone.
 */
class SoleWriterRuleTest {

    @TempDir
    Path data;

    @Test
    void theEmbeddedStoreOnAPortPickedAtRandomHasThisNodeAsItsSoleWriter() {
        runner(0).run(context -> assertThat(context.getBean(LedgerLog.class).isSoleWriter()).isTrue());
    }

    @Test
    void theEmbeddedStoreOnAFixedPortMayHaveOtherWritersThatJoinIt() throws IOException {
        runner(freePort()).run(context -> assertThat(context.getBean(LedgerLog.class).isSoleWriter()).isFalse());
    }

    @Test
    void aMongoDbGivenByItsUriMayHaveOtherWriters() {
        // A store in its own right (as the jar's store mode runs it), reached the way a real MongoDB would be.
        try (EmbeddedMongoStore external = EmbeddedMongoStore.start(data.resolve("external"), 0)) {
            String uri = external.connectionString();
            new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class)
                    .withPropertyValues("ledger.mongodb-uri=" + uri)
                    .withBean(LedgerProperties.class,
                            () -> new LedgerProperties(data.resolve("unused"), 0, uri, null, 0, 0, null, null))
                    .run(context -> {
                        assertThat(context).doesNotHaveBean(EmbeddedMongoStore.class);
                        assertThat(context.getBean(LedgerLog.class).isSoleWriter()).isFalse();
                    });
        }
    }

    private ApplicationContextRunner runner(int embeddedPort) {
        return new ApplicationContextRunner().withUserConfiguration(StorageConfiguration.class)
                .withBean(LedgerProperties.class,
                        () -> new LedgerProperties(data, embeddedPort, null, null, 0, 0, null, null));
    }

    /** A port free a moment ago: the store binds it just after (another process taking it between is unlikely). */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
