package org.festivalledger.http;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.festivalledger.storage.Policies;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * How far the read models have followed the ledger, and a bounded wait for them to reach a position
 * (read-your-writes: a client passes the {@code Ledger-Position} of its command as {@code minPosition}).
 */
@Component
public class ProjectionProgress {

    private final EventProcessingConfiguration processing;

    ProjectionProgress(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    /**
     * The lowest position every view of this node has handled (the read models are at least this fresh). The
     * policies serve no reads, and with several nodes they may run on another node's segments
     * ({@link Policies}).
     */
    public long position() {
        return lowest(processing.eventProcessors().values().stream()
                .filter(processor -> !Policies.isPolicy(processor.getName())).toList());
    }

    /**
     * Where every view of this node stands, one position per processor segment: equal fingerprints mean no view
     * has changed in between, so an answer drawn from the views then is still the answer now.
     */
    public String fingerprint() {
        StringBuilder fingerprint = new StringBuilder();
        for (EventProcessor processor : processing.eventProcessors().values()) {
            if (processor instanceof StreamingEventProcessor streaming) {
                fingerprint.append(processor.getName()).append('@');
                streaming.processingStatus().forEach((segment, status) -> fingerprint.append(segment).append(':')
                        .append(status.getCurrentPosition().orElse(-1)).append(status.isReplaying() ? "r" : "")
                        .append(','));
                fingerprint.append(';');
            }
        }
        return fingerprint.toString();
    }

    /** The position one processor (named after its processing group) has handled. */
    public long position(String processor) {
        return lowest(processing.eventProcessor(processor).map(List::of).orElse(List.of()));
    }

    /** Waits until every processor has handled {@code position}, at most {@code timeout}. */
    public boolean awaitPosition(long position, Duration timeout) {
        return await(position, timeout, this::position);
    }

    /** Waits until one processor has handled {@code position}, at most {@code timeout}. */
    public boolean awaitPosition(String processor, long position, Duration timeout) {
        return await(position, timeout, () -> position(processor));
    }

    private static boolean await(long position, Duration timeout, LongSupplier current) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (current.getAsLong() < position) {
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

    private static long lowest(Collection<? extends EventProcessor> processors) {
        long lowest = Long.MAX_VALUE;
        for (EventProcessor processor : processors) {
            if (processor instanceof StreamingEventProcessor streaming) {
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
}
