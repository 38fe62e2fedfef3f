package org.festivalledger.ledger;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ledger's core promise under contention: eight writers on two "nodes" (two engines over one store)
 * append for ten seconds to their own and to shared aggregates, with random delays injected just before
 * each insert, while a tracking processor follows the log.
 */
class ConcurrentAppendTest {

    /** The payload every writer appends. */
    public record Tick(String aggregateId, long sequence, String writer) {
    }

    private static final Duration RUN_FOR = Duration.ofSeconds(10);
    private static final int WRITERS = 8;
    private static final List<String> SHARED = List.of("shared-0", "shared-1", "shared-2");

    @TempDir
    Path directory;

    @Test
    void positionsAreDenseTheProcessorSeesEachEventOnceInOrderAndConflictsLeaveNothingBehind()
            throws Exception {
        try (TestStore store = TestStore.open(directory)) {
            JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
            List<LedgerEventStorageEngine> nodes = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                LedgerLog ledger = new LedgerLog(store.database, Clock.systemUTC());
                ledger.setProbe(position -> pause(ThreadLocalRandom.current().nextInt(0, 3)));
                nodes.add(LedgerEventStorageEngine.create(ledger, store.database, serializer, serializer, null));
            }

            List<Long> handled = java.util.Collections.synchronizedList(new ArrayList<>());
            EmbeddedEventStore eventStore = EmbeddedEventStore.builder().storageEngine(nodes.get(0))
                    .fetchDelay(20).build();
            EventMessageHandler recorder = new EventMessageHandler() {
                @Override
                public Object handle(EventMessage<?> event) {
                    handled.add(((TrackedEventMessage<?>) event).trackingToken().position().orElseThrow());
                    return null;
                }
            };
            TrackingEventProcessor processor = TrackingEventProcessor.builder()
                    .name("follower")
                    .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(recorder).build())
                    .messageSource(eventStore)
                    .tokenStore(new InMemoryTokenStore())
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .trackingEventProcessorConfiguration(TrackingEventProcessorConfiguration
                            .forSingleThreadedProcessing().andBatchSize(50))
                    .build();
            processor.start();

            Map<String, Set<Long>> acknowledged = new ConcurrentHashMap<>();
            AtomicLong conflicts = new AtomicLong();
            AtomicLong successes = new AtomicLong();
            long deadline = System.nanoTime() + RUN_FOR.toNanos();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                String writer = "writer-" + w;
                LedgerEventStorageEngine engine = nodes.get(w % 2);
                writers.submit(() -> {
                    long ownSequence = 0;
                    while (System.nanoTime() < deadline) {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        List<EventMessage<?>> commit = new ArrayList<>();
                        // Half the commits touch only the writer's own aggregate; the others also touch a
                        // shared one, read optimistically (and often stale by the time it is written).
                        commit.add(tick(writer, ownSequence, writer));
                        String shared = null;
                        long sharedSequence = -1;
                        if (random.nextBoolean()) {
                            shared = SHARED.get(random.nextInt(SHARED.size()));
                            sharedSequence = engine.lastSequenceNumberFor(shared).map(s -> s + 1).orElse(0L);
                            commit.add(tick(shared, sharedSequence, writer));
                        }
                        try {
                            engine.appendEvents(commit);
                            acknowledged.computeIfAbsent(writer, k -> ConcurrentHashMap.newKeySet()).add(ownSequence);
                            if (shared != null) {
                                acknowledged.computeIfAbsent(shared, k -> ConcurrentHashMap.newKeySet())
                                        .add(sharedSequence);
                            }
                            ownSequence++;
                            successes.incrementAndGet();
                        } catch (ConcurrencyException expected) {
                            conflicts.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
            writers.shutdown();
            assertThat(writers.awaitTermination(RUN_FOR.toSeconds() + 60, TimeUnit.SECONDS)).isTrue();

            LedgerLog ledger = nodes.get(0).ledger();
            long head = ledger.head().position();
            long storedEvents = acknowledged.values().stream().mapToLong(Set::size).sum();
            assertThat(head).as("every acknowledged event and nothing else is on the log").isEqualTo(storedEvents);
            assertThat(conflicts.get()).as("the shared aggregates were contended").isPositive();
            assertThat(successes.get()).isPositive();

            // Positions 1..N, and the chain verifies.
            ChainVerifier verifier = new ChainVerifier();
            List<Long> positions = new ArrayList<>();
            ledger.readFrom(1).forEach(event -> {
                verifier.accept(event);
                positions.add(event.position());
            });
            assertThat(positions).containsExactlyElementsOf(LongStream.rangeClosed(1, head).boxed().toList());
            assertThat(verifier.problems()).isEmpty();

            // Each aggregate's stream holds exactly its acknowledged sequence numbers, 0..n-1.
            acknowledged.forEach((aggregate, sequences) -> assertThat(
                    ledger.readStream(aggregate, 0).map(StoredEvent::sequence).toList())
                    .as(aggregate).containsExactlyElementsOf(
                            LongStream.range(0, sequences.size()).boxed().toList()));

            // The processor handled every position exactly once, in order.
            long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (handled.size() < head && System.nanoTime() < waitUntil) {
                pause(50);
            }
            processor.shutDown();
            eventStore.shutDown();
            assertThat(handled).containsExactlyElementsOf(LongStream.rangeClosed(1, head).boxed().toList());
        }
    }

    private static EventMessage<?> tick(String aggregateId, long sequence, String writer) {
        return new GenericDomainEventMessage<>("Tally", aggregateId, sequence, new Tick(aggregateId, sequence, writer));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
