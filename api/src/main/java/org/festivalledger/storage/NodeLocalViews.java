package org.festivalledger.storage;

import org.festivalledger.standings.JudgingBoard;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The views a node answers reads from: the processing groups that follow the whole log on every node, with their
 * tokens in the node's memory ({@link NodeLocalTokenStore}). Readiness and {@code Projection-Position} are about
 * these only. Every other processor is a policy (withdrawn entries, entrants' notifications): its token is shared in
 * MongoDB and claimed per segment, so on a node that joins later it may have no segment at all, and that node is
 * still ready. One list, so a new policy cannot be taken for a view that never starts.
 */
public final class NodeLocalViews {

    /** The judging board and the write-through views (catalogue, register, schedule). */
    public static final Set<String> GROUPS;

    static {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(JudgingBoard.PROCESSING_GROUP);
        groups.addAll(ViewPositionKeeper.WRITE_THROUGH_VIEWS);
        GROUPS = Set.copyOf(groups);
    }

    private NodeLocalViews() {
    }

    /** Whether this processing group is one of the node's views (not a policy). */
    public static boolean isView(String processingGroup) {
        return GROUPS.contains(processingGroup);
    }
}
