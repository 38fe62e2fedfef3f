package org.festivalledger.storage;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Shares the policy's segments among the nodes on one MongoDB. Axon's tracking processor claims every segment
 * it has threads for and never gives one up while it lives, so the first node to start would do all the work:
 * each node therefore says it is alive (a heartbeat document) and, holding more than its fair share of
 * segments while another node lives, releases one for a moment so the other can claim it. A node that dies
 * stops beating; its claims time out and the survivors take its segments back.
 */
@Component
class SegmentBalancer {

    private static final Duration BEAT = Duration.ofSeconds(2);
    private static final Duration ALIVE = BEAT.multipliedBy(3);

    private final EventProcessingConfiguration processing;
    private final TokenStore tokens;
    private final MongoCollection<Document> nodes;
    private final String nodeId;
    private final Clock clock;

    SegmentBalancer(EventProcessingConfiguration processing, TokenStore tokens, MongoDatabase database,
                    Clock clock) {
        this.processing = processing;
        this.tokens = tokens;
        this.nodes = database.getCollection("ledger_nodes");
        // One heartbeat per running process: a restarted node is a new one, and its old beat simply expires.
        this.nodeId = UUID.randomUUID().toString();
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 2000, initialDelay = 2000)
    void balance() {
        Instant now = clock.instant();
        nodes.replaceOne(new Document("_id", nodeId), new Document("_id", nodeId).append("seenAt", Date.from(now)),
                new ReplaceOptions().upsert(true));
        long alive = 0;
        for (Document node : nodes.find().batchSize(100)) {
            if (node.getDate("seenAt").toInstant().isAfter(now.minus(ALIVE))) {
                alive++;
            }
        }
        if (alive < 2) {
            return;
        }
        StreamingEventProcessor policy = processing.eventProcessor(AxonConfiguration.POLICY_GROUP,
                StreamingEventProcessor.class).orElse(null);
        if (policy == null) {
            return;
        }
        int segments = tokens.fetchSegments(AxonConfiguration.POLICY_GROUP).length;
        long fairShare = (segments + alive - 1) / alive;
        var claimed = policy.processingStatus().keySet();
        if (claimed.size() > fairShare) {
            policy.releaseSegment(claimed.iterator().next(), ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
