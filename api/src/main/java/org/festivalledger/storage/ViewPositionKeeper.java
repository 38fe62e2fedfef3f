package org.festivalledger.storage;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.programme.ProgrammeSchedule;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.view.ViewPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Saves how far the write-through views (catalogue, register, schedule) have folded the ledger, every few seconds
 * and at shutdown, so a restart starts their processors there ({@link AxonConfiguration#nodeLocalViews}) instead of
 * at position 1. Not while a processor replays (a rebuild from zero): its views are being rewritten.
 */
@Component
class ViewPositionKeeper {

    static final List<String> WRITE_THROUGH_VIEWS = List.of(CompetitionCatalogue.PROCESSING_GROUP,
            SubmissionRegister.PROCESSING_GROUP, ProgrammeSchedule.PROCESSING_GROUP);
    private static final Logger log = LoggerFactory.getLogger(ViewPositionKeeper.class);

    private final ProjectionProgress progress;
    private final EventProcessingConfiguration processing;
    private final ViewPositions positions;
    private final Map<String, Long> saved = new ConcurrentHashMap<>();

    ViewPositionKeeper(ProjectionProgress progress, EventProcessingConfiguration processing, MongoDatabase database) {
        this.progress = progress;
        this.processing = processing;
        this.positions = new ViewPositions(database);
    }

    @Scheduled(fixedDelayString = "${ledger.view-position-interval:5s}")
    void save() {
        for (String group : WRITE_THROUGH_VIEWS) {
            if (replaying(group)) {
                continue;
            }
            long position = progress.position(group);
            if (position > saved.getOrDefault(group, 0L)) {
                positions.save(group, position);
                saved.put(group, position);
            }
        }
    }

    private boolean replaying(String group) {
        return processing.eventProcessor(group)
                .filter(processor -> processor instanceof StreamingEventProcessor)
                .map(processor -> ((StreamingEventProcessor) processor).processingStatus().values().stream()
                        .anyMatch(EventTrackerStatus::isReplaying))
                .orElse(true);
    }

    /** At the start of shutdown, while the processors still run (they are stopped before beans are destroyed). */
    @EventListener(ContextClosedEvent.class)
    void saveOnShutdown() {
        try {
            save();
        } catch (RuntimeException e) {
            log.warn("Could not save the views' positions at shutdown; a restart folds more of the log", e);
        }
    }
}
