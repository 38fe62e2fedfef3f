package org.festivalledger.programme;

/**
 * The id of a competition's programme. Aggregate ids share one namespace on the ledger, so the programme of
 * competition {@code c} is {@code c/programme}, never {@code c} itself.
 */
public final class ProgrammeId {

    private ProgrammeId() {
    }

    public static String of(String competitionId) {
        return competitionId + "/programme";
    }
}
