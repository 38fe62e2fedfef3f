package org.festivalledger.programme;

import org.festivalledger.rules.StateConflict;

/** A cancelled screening or forum session stays cancelled: it cannot be cancelled again, nor moved. */
public class AlreadyCancelled extends StateConflict {

    public AlreadyCancelled(BookingKind kind, String bookingId, String decision) {
        super("The " + kind.words() + " " + bookingId + " was cancelled, so it cannot be " + decision
                + (decision.startsWith("cancel") ? "" : "; schedule a new one instead"));
    }
}
