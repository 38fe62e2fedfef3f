package org.festivalledger.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * Re-checks a run of stored events from position 1: positions must be 1, 2, 3, … and every hash must
 * follow from the event and its predecessor. Feed it events in log order; it keeps constant memory, so
 * it serves the live store, an export file and the offline verifier alike.
 */
public final class ChainVerifier {

    /** What kind of break a problem is, so that a report can be read (and tested) without parsing messages. */
    public enum Kind {
        /** A position is missing where it should be: an event was deleted, or moved later. */
        GAP,
        /** A position appears after a later one: events were reordered or repeated. */
        ORDER,
        /** An event's previous hash is not the hash of the event before it. */
        LINK,
        /** An event's hash does not follow from its content: the content or the hash was edited. */
        HASH
    }

    /** One thing found wrong, at the position where it was found. */
    public record Problem(long position, Kind kind, String message) {
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
            boolean missing = event.position() > expectedPosition;
            report(expectedPosition, missing ? Kind.GAP : Kind.ORDER, "expected position " + expectedPosition
                    + " but found " + event.position()
                    + (missing ? " (events missing or moved)" : " (out of order or repeated)"));
        }
        if (!previousHash.equals(event.previousHash())) {
            report(event.position(), Kind.LINK, "previous hash does not match the hash of the event before it");
        }
        String recomputed = ChainHash.of(event);
        if (!recomputed.equals(event.hash())) {
            report(event.position(), Kind.HASH,
                    "hash does not match the event's content (the event or its hash was altered)");
        }
        expectedPosition = event.position() + 1;
        // Continue the chain from the stored hash, so one edited event is reported once, not at every later one.
        previousHash = event.hash() == null ? recomputed : event.hash();
    }

    private void report(long position, Kind kind, String message) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new Problem(position, kind, message));
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
