package org.festivalledger.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the ledger keeps its data. With no MongoDB URI the embedded store runs in this process with its
 * file under {@code dataDir}; with one, that MongoDB is used and nothing is started.
 *
 * @param dataDir            directory of the embedded store's file ({@code --ledger.data-dir})
 * @param embeddedPort       loopback port of the embedded store; 0 picks a free one
 * @param mongodbUri         a real MongoDB ({@code MONGODB_URI} or {@code spring.data.mongodb.uri})
 * @param database           the MongoDB database name
 * @param snapshotThreshold  events after which an aggregate is snapshotted
 * @param judgingSnapshotThreshold events after which a competition's judging is snapshotted (it is cached
 *                           in memory between commands, and its snapshot grows with the jury's work)
 * @param tokenClaimTimeout  how long a dead node's claim on a processor segment blocks others
 * @param nodeId             this node's name in token claims; must differ between nodes sharing a MongoDB
 */
@ConfigurationProperties("ledger")
public record LedgerProperties(Path dataDir, int embeddedPort, String mongodbUri, String database,
                               int snapshotThreshold, int judgingSnapshotThreshold, Duration tokenClaimTimeout,
                               String nodeId) {

    public LedgerProperties {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        database = database == null || database.isBlank() ? "festival" : database;
        snapshotThreshold = snapshotThreshold <= 0 ? 100 : snapshotThreshold;
        judgingSnapshotThreshold = judgingSnapshotThreshold <= 0 ? 2_000 : judgingSnapshotThreshold;
        tokenClaimTimeout = tokenClaimTimeout == null ? Duration.ofSeconds(10) : tokenClaimTimeout;
        nodeId = nodeId == null || nodeId.isBlank() ? null : nodeId.strip();
    }
}
