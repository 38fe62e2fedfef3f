package org.festivalledger.judging;

/**
 * The id of a competition's judging. Aggregate ids share one namespace on the ledger, so the judging of
 * competition {@code c} is {@code c/judging}, never {@code c} itself.
 */
public final class JudgingId {

    private JudgingId() {
    }

    public static String of(String competitionId) {
        return competitionId + "/judging";
    }
}
