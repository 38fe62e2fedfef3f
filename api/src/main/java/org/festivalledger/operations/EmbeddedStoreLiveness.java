package org.festivalledger.operations;

import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Liveness of the embedded store (health contributor {@code embeddedStore}, in the liveness group): DOWN once its
 * file is closed while the node runs.
 * <p>
 * H2 closes the store by itself after any error inside a commit. The node then keeps answering, every view in error
 * and every write refused, and readiness alone only takes it out of a load balancer: nothing would restart it. A
 * liveness DOWN lets an orchestrator restart it, and a restart opens the file again, which holds whole commits only
 * (ADR 0012). On a real MongoDB there is no embedded store, and the driver reconnects by itself: always UP.
 */
@Component("embeddedStoreHealthIndicator")
class EmbeddedStoreLiveness implements HealthIndicator {

    private final ObjectProvider<EmbeddedMongoStore> embedded;

    EmbeddedStoreLiveness(ObjectProvider<EmbeddedMongoStore> embedded) {
        this.embedded = embedded;
    }

    @Override
    public Health health() {
        EmbeddedMongoStore store = embedded.getIfAvailable();
        if (store == null) {
            return Health.up().withDetail("store", "MongoDB").build();
        }
        return store.isOpen() ? Health.up().withDetail("file", store.file().getFileName().toString()).build()
                : Health.down().withDetail("file", store.file().getFileName().toString())
                .withDetail("error", "the embedded store's file was closed; restart the node to open it again").build();
    }
}
