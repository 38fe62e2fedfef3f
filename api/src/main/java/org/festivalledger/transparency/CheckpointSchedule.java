package org.festivalledger.transparency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Keeps the tree up with the ledger (a few seconds behind at most, so a publication's checkpoint is signed soon
 * after it) and signs a checkpoint of the whole log once per interval while events arrive.
 */
@Component
class CheckpointSchedule {

    private static final Logger log = LoggerFactory.getLogger(CheckpointSchedule.class);

    private final TransparencyLog transparencyLog;
    private final LogProperties properties;
    private final Clock clock;
    private Instant lastSigned = Instant.EPOCH;

    CheckpointSchedule(TransparencyLog transparencyLog, LogProperties properties, Clock clock) {
        this.transparencyLog = transparencyLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
    void follow() {
        try {
            transparencyLog.catchUp();
            Instant now = clock.instant();
            if (!now.isBefore(lastSigned.plus(properties.checkpointInterval()))) {
                transparencyLog.checkpointIfMoved().ifPresent(signed -> lastSigned = now);
            }
        } catch (RuntimeException e) {
            // The next run retries; a store that is briefly away must not stop checkpoints for good.
            log.warn("Could not bring the transparency log up to date: {}", e.toString());
        }
    }
}
