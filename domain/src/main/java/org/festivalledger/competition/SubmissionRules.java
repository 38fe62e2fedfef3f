package org.festivalledger.competition;

import java.time.Instant;

/** The rules every entry of a competition must meet to be received. */
public record SubmissionRules(Instant submissionDeadline, int maxRuntimeMinutes) {

    /** An entry received exactly at the deadline is still on time. */
    public boolean isOpenAt(Instant moment) {
        return !moment.isAfter(submissionDeadline);
    }

    public boolean admitsRuntime(int runtimeMinutes) {
        return runtimeMinutes <= maxRuntimeMinutes;
    }
}
