package org.festivalledger.round;

/** How a round combines its jurors' weighted scores for one entry. */
public enum AggregationMethod {
    /** The arithmetic mean of the jurors' weighted scores. */
    MEAN,
    /** The median (the mean of the two middle scores for an even count). */
    MEDIAN,
    /** The mean after dropping the highest and the lowest score, when at least five jurors scored. */
    TRIMMED_MEAN,
    /**
     * Each juror's scores normalised to mean 0 and standard deviation 1 within the round, averaged, and
     * mapped back onto the round's overall mean and standard deviation: cancels harsh and lenient jurors.
     */
    ZSCORE_MEAN
}
