package org.festivalledger.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks a run of stored events from position 1: positions must be 1, 2, 3, … and every hash must
 * follow from the event and its predecessor. Feed it events in log order; it keeps constant memory, so
 * it serves the live store, an export file and the offline verifier alike.
 */
public final class ChainVerifier {

    /** One thing found wrong, at the position where it was found. */
    public record Problem(long position, String message) {
    }

    private static final int MAX_PROBLEMS = 100;

    private long expectedPosition = 1;
    private String previousHash = ChainHash.GENESIS;
    private long checked;
    private final List<Problem> problems = new ArrayList<>();

    /** Checks the next event of the log. */
    public void accept(StoredEvent event) {
        checked++;
        if (event.position() != expectedPosition) {
            report(expectedPosition, "expected position " + expectedPosition + " but found " + event.position()
                    + (event.position() > expectedPosition ? " (events missing)" : " (out of order or repeated)"));
        }
        if (!previousHash.equals(event.previousHash())) {
            report(event.position(), "previous hash does not match the hash of the event before it");
        }
        String recomputed = ChainHash.of(event);
        if (!recomputed.equals(event.hash())) {
            report(event.position(), "hash does not match the event's content (the event was altered)");
        }
        expectedPosition = event.position() + 1;
        // Continue the chain from the stored hash, so one edited event is reported once, not at every later one.
        previousHash = event.hash() == null ? recomputed : event.hash();
    }

    private void report(long position, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(position, message));
        }
    }

    /** Number of events checked so far. */
    public long checked() {
        return checked;
    }

    /** Problems found so far, in log order (at most the first 100). */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** Whether everything checked so far is intact. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The hash of the last event checked: the digest to compare with a published head. */
    public String headHash() {
        return previousHash;
    }
}
