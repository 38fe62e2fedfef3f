package org.festivalledger.operations;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.festivalledger.http.PublicReadTurns;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.festivalledger.standings.StandingsService;
import org.festivalledger.storage.LedgerProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.ToDoubleFunction;

/**
 * The ledger's own meters, beside Axon's (commands handled, processor latency) and the JVM's:
 * {@code ledger.events} (events on the ledger: its head position), {@code ledger.view.lag} and
 * {@code ledger.view.position} per view (events the view still has to handle), {@code ledger.standings.subscribers}
 * (live standings streams open on this node), {@code ledger.store.size} (bytes: the embedded store's file, or
 * MongoDB's {@code dbStats.storageSize}), {@code ledger.public.reads.waiting}, {@code ledger.public.reads.busy} and
 * {@code ledger.public.reads.limited} (public readers waiting for a turn now, those answered 503 for want of one, and
 * those answered 429 as their client had as many in progress as it may: {@link PublicReadTurns}).
 */
@Component
class LedgerMetrics {

    private final LedgerLog ledger;
    private final ViewsOnNode views;
    private final StandingsService standings;
    private final MongoClient mongo;
    private final LedgerProperties properties;
    private final boolean embedded;
    private final PublicReadTurns publicReads;

    LedgerMetrics(LedgerLog ledger, ViewsOnNode views, StandingsService standings, MongoClient mongo,
                  LedgerProperties properties, ObjectProvider<EmbeddedMongoStore> embeddedStore,
                  MeterRegistry registry, PublicReadTurns publicReads) {
        this.registry = registry;
        this.publicReads = publicReads;
        this.ledger = ledger;
        this.views = views;
        this.standings = standings;
        this.mongo = mongo;
        this.properties = properties;
        this.embedded = embeddedStore.getIfAvailable() != null;
    }

    private final MeterRegistry registry;

    // Bound once the application has started: Axon creates its processors (the views) while it starts.
    @EventListener(ApplicationStartedEvent.class)
    void bind() {
        FunctionCounter.builder("ledger.events", ledger, log -> log.head().position())
                .description("events recorded on the ledger (its head position)").register(registry);
        for (String view : views.states().stream().map(ViewsOnNode.ViewState::name).toList()) {
            Gauge.builder("ledger.view.lag", this, viewLag(view)).tag("view", view).baseUnit("events")
                    .description("events on the ledger this view has not handled yet").register(registry);
            Gauge.builder("ledger.view.position", this, metrics -> metrics.position(view)).tag("view", view)
                    .description("the last ledger position this view has handled").register(registry);
        }
        Gauge.builder("ledger.standings.subscribers", standings, StandingsService::subscribers)
                .description("live standings streams open on this node").register(registry);
        Gauge.builder("ledger.store.size", this, LedgerMetrics::storeBytes).baseUnit("bytes")
                .description("size of the store: the embedded store's file, or MongoDB's storage size").register(registry);
        Gauge.builder("ledger.public.reads.waiting", publicReads, PublicReadTurns::waiting)
                .description("public reads waiting for a turn now").register(registry);
        FunctionCounter.builder("ledger.public.reads.busy", publicReads, PublicReadTurns::refused)
                .description("public reads answered 503 because no turn came within the longest wait").register(registry);
        FunctionCounter.builder("ledger.public.reads.limited", publicReads, PublicReadTurns::limited)
                .description("public reads answered 429: their client had as many in progress as one may")
                .register(registry);
    }

    private ToDoubleFunction<LedgerMetrics> viewLag(String view) {
        return metrics -> Math.max(0, metrics.ledger.head().position() - metrics.position(view));
    }

    private double position(String view) {
        return views.states().stream().filter(state -> state.name().equals(view))
                .mapToLong(ViewsOnNode.ViewState::position).findFirst().orElse(0);
    }

    private double storeBytes() {
        try {
            if (embedded) {
                Path file = properties.dataDir().resolve(EmbeddedMongoStore.FILE_NAME);
                return Files.exists(file) ? Files.size(file) : 0;
            }
            Document stats = mongo.getDatabase(properties.database()).runCommand(new Document("dbStats", 1));
            return stats.get("storageSize", Number.class).doubleValue();
        } catch (IOException | RuntimeException e) {
            return Double.NaN; // a scrape must not fail because the size could not be read
        }
    }
}
