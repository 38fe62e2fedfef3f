package org.festivalledger.jury;

import org.festivalledger.judging.JudgingEvent;

/**
 * An event that replaces every earlier credential of a juror (an issue of new ones, or a revocation). Each has
 * the next version of the juror's access, and the ledger records it under a key unique to that version, so any
 * node can ask in one exact lookup whether the access it knows has been superseded.
 */
public sealed interface JurorAccessChanged extends JudgingEvent permits JurorAccessIssued, JurorAccessRevoked {

    String jurorId();

    /** 1 for the access issued at appointment, then 2, 3, … (0: a juror appointed before access was versioned). */
    int version();

    /** The ledger-wide unique key of a juror's access version. */
    static String ledgerKey(String competitionId, String jurorId, int version) {
        return "juror-access/" + competitionId + "/" + jurorId + "/" + version;
    }

    default String ledgerKey() {
        return ledgerKey(competitionId(), jurorId(), version());
    }
}
