package org.festivalledger.storage;

import java.util.Set;

/**
 * The processors that act on events rather than serve reads: the withdrawal policy and the entrants' notifications.
 * Their tokens are shared in MongoDB and claimed per segment, so on a node that joins later they may have no segment
 * at all. Readiness and {@code Projection-Position} are about every other processor, the node's views; a policy
 * missing here would keep a joining node from ever being ready, so every policy is listed in this one place.
 */
public final class Policies {

    /** The policy that takes withdrawn entries out of open rounds. */
    public static final String ENTRY_DROPS = "entry-drops";
    /** The policy that queues entrants' notifications (receipts, rulings, results). */
    public static final String ENTRANT_NOTIFICATIONS = "entrant-notifications";

    private static final Set<String> GROUPS = Set.of(ENTRY_DROPS, ENTRANT_NOTIFICATIONS);

    private Policies() {
    }

    /** Whether this processing group is a policy (not one of the node's views). */
    public static boolean isPolicy(String processingGroup) {
        return GROUPS.contains(processingGroup);
    }
}
