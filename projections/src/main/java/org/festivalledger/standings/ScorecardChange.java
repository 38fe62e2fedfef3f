package org.festivalledger.standings;

/**
 * What one juror's scorecard for one entry counts now, after a change: its score, or nothing when it no longer
 * counts (voided). The live ranking applies these instead of re-reading every score of the round.
 */
public record ScorecardChange(String jurorId, String submissionId, JurorScore counting) {

    public static ScorecardChange counts(JurorScore score) {
        return new ScorecardChange(score.jurorId(), score.submissionId(), score);
    }

    public static ScorecardChange gone(String jurorId, String submissionId) {
        return new ScorecardChange(jurorId, submissionId, null);
    }
}
