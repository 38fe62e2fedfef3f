package org.festivalledger.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.festivalledger.storage.Policies;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The views this node serves reads from: every streaming processor but the {@link Policies}, which act, serve no
 * reads, and with several nodes may run on another node's segment.
 */
@Component
class ViewsOnNode {

    /** One view's state now: where it is, and whether every segment has caught up and none is in error. */
    record ViewState(String name, boolean running, long position, boolean caughtUp, String error) {
    }

    private final EventProcessingConfiguration processing;

    ViewsOnNode(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    List<ViewState> states() {
        return processing.eventProcessors().values().stream()
                .filter(processor -> !Policies.isPolicy(processor.getName()))
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast)
                .map(ViewsOnNode::state).toList();
    }

    private static ViewState state(StreamingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        if (status.isEmpty()) {
            // Not started yet, or stopped: no segment is being followed.
            return new ViewState(processor.getName(), false, 0, false, null);
        }
        Collection<EventTrackerStatus> segments = status.values();
        long position = segments.stream().mapToLong(segment -> segment.getCurrentPosition().orElse(0)).min().orElse(0);
        String error = segments.stream().filter(EventTrackerStatus::isErrorState)
                .map(segment -> String.valueOf(segment.getError())).findFirst().orElse(null);
        boolean caughtUp = segments.stream().allMatch(EventTrackerStatus::isCaughtUp);
        return new ViewState(processor.getName(), true, position, caughtUp, error);
    }
}
