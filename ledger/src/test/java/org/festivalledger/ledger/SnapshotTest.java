package org.festivalledger.ledger;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.json.JacksonSerializer;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's snapshotting on the ledger: a long-lived aggregate loads from its latest snapshot. */
class SnapshotTest {

    /** The event of the test aggregate. */
    public record Counted(String id, int total) {
    }

    /** A long-lived aggregate: counts, and remembers how many events it replayed on its last load. */
    public static class Counter {
        static final AtomicInteger replayed = new AtomicInteger();
        @AggregateIdentifier
        private String id;
        private int total;

        public Counter() {
        }

        Counter(String id) {
            AggregateLifecycle.apply(new Counted(id, 1));
        }

        void count() {
            AggregateLifecycle.apply(new Counted(id, total + 1));
        }

        @EventSourcingHandler
        void on(Counted event) {
            replayed.incrementAndGet();
            id = event.id();
            total = event.total();
        }
    }

    @TempDir
    Path directory;

    @Test
    void aLongLivedAggregateLoadsFromItsSnapshotAndReplaysOnlyTheEventsAfterIt() throws Exception {
        try (TestStore store = TestStore.open(directory)) {
            ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                    .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY);
            JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
            LedgerLog ledger = new LedgerLog(store.database, Clock.systemUTC());
            LedgerEventStorageEngine engine = LedgerEventStorageEngine.create(ledger, store.database,
                    serializer, serializer, null);
            EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();
            AggregateSnapshotter snapshotter = AggregateSnapshotter.builder().eventStore(eventStore)
                    .aggregateFactories(new GenericAggregateFactory<>(Counter.class)).build();
            EventSourcingRepository<Counter> repository = EventSourcingRepository.builder(Counter.class)
                    .eventStore(eventStore)
                    .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(snapshotter, 50))
                    .build();

            inUnitOfWork(() -> repository.newInstance(() -> new Counter("c-1")));
            for (int i = 0; i < 219; i++) {
                inUnitOfWork(() -> repository.load("c-1").execute(Counter::count));
            }

            assertThat(engine.readSnapshot("c-1")).isPresent();
            long snapshotSequence = engine.readSnapshot("c-1").orElseThrow().getSequenceNumber();
            assertThat(snapshotSequence).isGreaterThanOrEqualTo(149);

            Counter.replayed.set(0);
            AtomicInteger total = new AtomicInteger();
            inUnitOfWork(() -> repository.load("c-1").execute(counter -> total.set(counter.total)));
            assertThat(total.get()).isEqualTo(220);
            assertThat(Counter.replayed.get()).as("events replayed after the snapshot")
                    .isEqualTo(219 - (int) snapshotSequence);
            eventStore.shutDown();
        }
    }

    private static void inUnitOfWork(ThrowingRunnable action) throws Exception {
        DefaultUnitOfWork.startAndGet(GenericCommandMessage.asCommandMessage("test")).executeWithResult(() -> {
            action.run();
            return null;
        });
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
