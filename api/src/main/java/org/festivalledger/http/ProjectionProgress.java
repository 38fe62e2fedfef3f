package org.festivalledger.http;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;

/**
 * How far the read models have followed the ledger, and a bounded wait for them to reach a position
 * (read-your-writes: a client passes the {@code Ledger-Position} of its command as {@code minPosition}).
 */
@Component
public class ProjectionProgress {

    private static final java.util.Set<String> POLICIES = java.util.Set.of("entry-drops");

    private final EventProcessingConfiguration processing;

    ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * The lowest position every view of this node has handled (the read models are at least this fresh). The
     * policy ({@code entry-drops}) serves no reads, and with several nodes it runs on another node's segment.
     */
    public long position() {
        long lowest = Long.MAX_VALUE;
        for (var processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming && !POLICIES.contains(processor.getName())) {
                Map<Integer, EventTrackerStatus> status = streaming.processingStatus();
                if (status.isEmpty()) {
                    return 0;
                }
                for (EventTrackerStatus segment : status.values()) {
                    OptionalLong position = segment.getCurrentPosition();
                    lowest = Math.min(lowest, position.orElse(0));
                }
            }
        }
        return lowest == Long.MAX_VALUE ? 0 : lowest;
    }

    /** Waits until every processor has handled {@code position}, at most {@code timeout}. */
    public boolean awaitPosition(long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (position() < position) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
