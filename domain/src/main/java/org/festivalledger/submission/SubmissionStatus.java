package org.festivalledger.submission;

/** Where a submission stands; only a RECEIVED one takes part in judging. */
public enum SubmissionStatus {
    /** On time, within the rules, and still in the competition. */
    RECEIVED,
    /** Withdrawn by its entrant. */
    WITHDRAWN,
    /** Ruled not to meet the competition's eligibility rules. */
    INELIGIBLE
}
