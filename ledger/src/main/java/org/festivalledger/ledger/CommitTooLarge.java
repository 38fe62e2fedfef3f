package org.festivalledger.ledger;

/**
 * A unit of work's events do not fit one commit document: a MongoDB document holds at most 16 MB, and a commit is
 * one document so that it is stored all or nothing. Nothing was recorded; the work must come in smaller parts
 * (a CSV import of tens of thousands of entries, say, as several files).
 */
public final class CommitTooLarge extends RuntimeException {

    CommitTooLarge(int events, RuntimeException cause) {
        super("the " + events + " events of this request would make a commit larger than the store holds in one "
                + "document (16 MB); nothing was recorded", cause);
    }
}
