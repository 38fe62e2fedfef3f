package org.festivalledger.transparency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The transparency log's name and key.
 *
 * @param origin             the log's origin: the first line of every checkpoint and the name of its signing key
 *                           (a schema-less URL by convention; no '+' and no white space)
 * @param keyFile            the Ed25519 signing key; created on first start (owner read/write only) when absent.
 *                           Nodes sharing one MongoDB must share this file. Default: {@code <data-dir>/log-signing.key}
 * @param checkpointInterval how often a checkpoint is signed while events arrive
 */
@ConfigurationProperties("ledger.log")
public record LogProperties(String origin, Path keyFile, Duration checkpointInterval) {

    public LogProperties {
        keyFile = keyFile == null || keyFile.toString().isBlank() ? null : keyFile;
        origin = origin == null || origin.isBlank() ? "festival-ledger.local/ledger" : origin.strip();
        checkpointInterval = checkpointInterval == null || checkpointInterval.isNegative()
                || checkpointInterval.isZero() ? Duration.ofMinutes(1) : checkpointInterval;
    }
}
