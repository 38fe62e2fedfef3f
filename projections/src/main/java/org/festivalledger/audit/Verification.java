package org.festivalledger.audit;

import java.util.List;

/**
 * The outcome of re-checking a ledger: the hash chain and the provenance of every shortlist and award.
 *
 * @param ok         whether nothing was found wrong
 * @param checked    events read
 * @param headHash   the hash of the last event read: compare it with a published head digest
 * @param shortlists shortlist decisions re-derived from the standings at their positions
 * @param awards     awards re-checked against the judging at their positions
 * @param problems   everything found wrong, in position order
 */
public record Verification(boolean ok, long checked, String headHash, int shortlists, int awards,
                           List<Problem> problems) {

    /** This outcome with more problems found by another check (still in position order). */
    public Verification with(List<Problem> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<Problem> all = new java.util.ArrayList<>(problems);
        all.addAll(more);
        all.sort(java.util.Comparator.comparingLong(Problem::position));
        return new Verification(false, checked, headHash, shortlists, awards, List.copyOf(all));
    }

    /** What kind of thing is wrong. */
    public enum Kind {
        /** A position is missing: an event was deleted (or moved later). */
        GAP,
        /** A position comes after a later one: events were reordered or repeated. */
        ORDER,
        /** An event's previous hash is not the hash of the event before it. */
        LINK,
        /** An event's hash does not follow from its content: the content or the hash was edited. */
        HASH,
        /** A line or a payload that decisions rest on cannot be read. */
        UNREADABLE,
        /** A shortlist does not follow from the standings at the position it rests on. */
        SHORTLIST,
        /** An award was not open to its entry at the position it rests on. */
        AWARD,
        /** The export's Merkle root at a signed checkpoint's size is not the signed root (or the export is short). */
        CHECKPOINT,
        /** A checkpoint whose signature is not the log's key's. */
        SIGNATURE
    }

    /** One thing found wrong, at the position of the event where it was found. */
    public record Problem(long position, Kind kind, String message) {
    }
}
