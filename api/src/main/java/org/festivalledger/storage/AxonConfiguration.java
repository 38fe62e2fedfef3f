package org.festivalledger.storage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.lock.LockFactory;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.festivalledger.standings.JudgingBoard;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotter;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.Repository;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.festivalledger.audit.EventPayloads;
import org.festivalledger.competition.Competition;
import org.festivalledger.competition.EntryAmendments;
import org.festivalledger.jury.JurorAccessChanged;
import org.festivalledger.submission.Submission;
import org.festivalledger.submission.SubmissionReceivedUpcaster;
import org.festivalledger.ledger.LedgerEventStorageEngine;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.embedded.EmbeddedMongoStore;
import org.festivalledger.view.ViewPositions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Axon without Axon Server: our ledger as the storage engine, axon-mongo's token store (there are no sagas),
 * Jackson for every message and snapshot, and the metadata every event must carry.
 */
@Configuration(proxyBeanMethods = false)
class AxonConfiguration {

    /** The processing group of the policy that takes withdrawn entries out of open rounds. */
    static final String POLICY_GROUP = Policies.ENTRY_DROPS;

    /** Command metadata copied onto every event the command causes: who, in which role, and why. */
    static final String[] AUDIT_METADATA = {"actor", "role", "reason", "idempotencyKey"};

    /** Judgings kept in memory between commands: one a competition, and a festival runs a handful at once. */
    static final int KEPT_JUDGINGS = 32;

    /** The web layer's mapper (defining any ObjectMapper bean would otherwise replace Boot's). */
    @Bean
    @Primary
    ObjectMapper objectMapper(Jackson2ObjectMapperBuilder builder) {
        return builder.build();
    }

    /**
     * Axon's mapper (field access, ISO instants, unknown properties tolerated): defined once in
     * {@link EventPayloads}, so the auditor's offline verifier reads payloads exactly as the application does.
     */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return EventPayloads.objectMapper();
    }

    @Bean
    EventStorageEngine eventStorageEngine(LedgerLog ledger, MongoDatabase database,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Serializer snapshotSerializer) {
        // Upcasters join this chain as events evolve: an older event is read as the current revision, never rewritten
        // (its stored bytes are what the hash chain and every receipt cover).
        LedgerEventStorageEngine engine = LedgerEventStorageEngine.create(ledger, database, eventSerializer,
                snapshotSerializer, new EventUpcasterChain(new SubmissionReceivedUpcaster()));
        // A juror's access versions are unique ledger keys: every node checks a credential against them (JurorSignIn).
        engine.keyEventsBy(payload -> payload instanceof JurorAccessChanged change ? change.ledgerKey() : null);
        return engine;
    }

    /** An entrant's amendment reads the competition's rules and lets the submission decide (two aggregates). */
    @Bean
    EntryAmendments entryAmendments(Repository<Submission> submissionRepository,
                                    Repository<Competition> competitionRepository) {
        return new EntryAmendments(submissionRepository, competitionRepository);
    }

    @Bean
    MongoTemplate axonMongoTemplate(MongoDatabase database) {
        return DefaultMongoTemplate.builder().mongoDatabase(database).build();
    }

    /**
     * Tracking tokens in MongoDB, claimed under a node id that survives a restart: a node that crashed
     * and comes back on the same data recognises its own claims instead of waiting out the claim
     * timeout (the embedded store belongs to one process, so its data directory names the node).
     */
    @Bean
    TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer, LedgerProperties properties,
                          ObjectProvider<EmbeddedMongoStore> embedded, Environment environment) {
        EmbeddedMongoStore store = embedded.getIfAvailable();
        String nodeId = properties.nodeId() != null ? properties.nodeId()
                : store != null ? "embedded:" + store.file()
                : hostName() + ":" + environment.getProperty("server.port", "8080");
        return MongoTokenStore.builder().mongoTemplate(axonMongoTemplate).serializer(serializer)
                .nodeId(nodeId).claimTimeout(properties.tokenClaimTimeout()).build();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

    /**
     * Axon's snapshotter, as Axon's Spring Boot configuration builds it, but taking its snapshots on a thread of its
     * own. By default a snapshot is taken in the thread of the command that triggered it, after its commit and while
     * that command still holds the aggregate's lock: it reads the aggregate's events since the last snapshot from
     * the store (2,000 judging events, a few hundred milliseconds on the embedded store), and every other score of
     * the competition waits behind that lock meanwhile. A snapshot is only a shortcut for loading the aggregate, so
     * taking it a moment later changes nothing else.
     */
    @Bean
    SpringAggregateSnapshotter aggregateSnapshotter(org.axonframework.config.Configuration configuration,
                                                    HandlerDefinition handlerDefinition,
                                                    ParameterResolverFactory parameterResolverFactory,
                                                    EventStore eventStore, TransactionManager transactionManager,
                                                    SnapshotterSpanFactory spanFactory) {
        return SpringAggregateSnapshotter.builder()
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .eventStore(eventStore)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(Executors.newSingleThreadExecutor(task -> {
                    Thread thread = new Thread(task, "aggregate-snapshots");
                    thread.setDaemon(true);
                    return thread;
                }))
                .build();
    }

    @Bean
    SnapshotTriggerDefinition ledgerSnapshotTrigger(Snapshotter snapshotter, LedgerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold());
    }

    /**
     * A competition's judging is one aggregate that every score goes through: it stays in memory between
     * commands (Axon's cache) and is snapshotted rarely, since its snapshot grows with the jury's work.
     */
    @Bean
    SnapshotTriggerDefinition judgingSnapshotTrigger(Snapshotter snapshotter, LedgerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, properties.judgingSnapshotThreshold());
    }

    @Bean
    Cache judgingCache(LedgerLog ledger) {
        return new LedgerCheckedCache(new KeptAggregates(KEPT_JUDGINGS), ledger);
    }

    /**
     * The lock every judging command of a competition queues on serves them in the order they came (see
     * {@link ArrivalOrderLocks} for why Axon's does not); the longest wait stays Axon's 10 minutes.
     */
    @Bean
    LockFactory judgingLockFactory() {
        return new ArrivalOrderLocks(600_000);
    }

    /**
     * The views every node keeps whole in memory. Their processors keep their tokens in memory, so several nodes
     * on one MongoDB each see every event: the judging board starts where its last saved snapshot ends (see
     * {@link JudgingBoard}); the catalogue, the register and the schedule where their stored views were last
     * known to reach ({@link ViewPositionKeeper}), so a restart folds only the tail of the log.
     */
    @Bean
    ConfigurerModule nodeLocalViews(JudgingBoard board, MongoDatabase database) {
        ViewPositions positions = new ViewPositions(database);
        return configurer -> {
            var processing = configurer.eventProcessing();
            processing.registerTokenStore(JudgingBoard.PROCESSING_GROUP, configuration -> new NodeLocalTokenStore())
                    .registerTrackingEventProcessorConfiguration(JudgingBoard.PROCESSING_GROUP, configuration ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(200)
                                    .andInitialTrackingToken(source ->
                                            new GlobalSequenceTrackingToken(board.restoredPosition())));
            for (String group : ViewPositionKeeper.WRITE_THROUGH_VIEWS) {
                // From the position their stored views were saved at (ViewPositionKeeper), not from the start.
                processing.registerTokenStore(group, configuration -> new NodeLocalTokenStore())
                        .registerTrackingEventProcessorConfiguration(group, configuration ->
                                TrackingEventProcessorConfiguration.forSingleThreadedProcessing().andBatchSize(200)
                                        .andInitialTrackingToken(source ->
                                                new GlobalSequenceTrackingToken(positions.load(group))));
            }
        };
    }

    /**
     * Policies act once per event across all nodes: their tokens are in MongoDB, claimed per segment. Two
     * segments and two threads per node: one node alone processes both, and {@link SegmentBalancer} hands one
     * to a second node when there is one.
     */
    @Bean
    ConfigurerModule policies() {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessorConfiguration(
                POLICY_GROUP, configuration -> TrackingEventProcessorConfiguration.forParallelProcessing(2)
                        .andInitialSegmentsCount(2).andBatchSize(50));
    }

    /** Everything else follows the ledger in its own tracking processor, with its token in MongoDB. */
    @Bean
    ConfigurerModule trackingProcessors() {
        return configurer -> configurer.eventProcessing().usingTrackingEventProcessors();
    }

    /**
     * Axon's own origin provider replaces a client's correlation id with the command's message id; ours
     * keeps the id the request carried (the client's {@code X-Correlation-Id}, or one made per request)
     * and names the message that caused each event as its {@code traceId}.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return message -> Map.of(
                "correlationId", message.getMetaData().getOrDefault("correlationId", message.getIdentifier()),
                "traceId", message.getIdentifier());
    }

    @Bean
    CorrelationDataProvider auditMetadataProvider() {
        return new SimpleCorrelationDataProvider(AUDIT_METADATA);
    }

    /**
     * The idempotency key's ledger-wide uniqueness marker travels only from a command to its own events:
     * a policy reacting to those events must not carry it into a second commit, which would then clash.
     */
    @Bean
    CorrelationDataProvider uniqueKeyProvider() {
        return message -> message instanceof CommandMessage<?>
                && message.getMetaData().containsKey(LedgerEventStorageEngine.UNIQUE_KEY_METADATA)
                ? Map.of(LedgerEventStorageEngine.UNIQUE_KEY_METADATA,
                message.getMetaData().get(LedgerEventStorageEngine.UNIQUE_KEY_METADATA))
                : Map.of();
    }
}
