package org.festivalledger.programme;

import org.festivalledger.http.CommandDispatch.Recorded;

/** What a programme command recorded, with the id of the venue, screening or session it concerns. */
record Booked(String id, Recorded recorded) {

    /** Where the booking landed (a screening's end is computed), for the commands that place one. */
    Slot slot() {
        return (Slot) recorded.result();
    }
}
