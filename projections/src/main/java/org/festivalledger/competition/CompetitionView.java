package org.festivalledger.competition;

import java.time.Instant;
import java.util.List;

/** A competition as organisers, jurors and auditors see it. */
public record CompetitionView(String id, String name, String edition, List<Criterion> criteria,
                              SubmissionRules rules, List<AwardCategory> awardCategories, Instant announcedAt) {

    /** Where the competition stands at {@code now}: still taking entries, or past its deadline. */
    public String statusAt(Instant now) {
        return rules.isOpenAt(now) ? "OPEN_FOR_SUBMISSIONS" : "SUBMISSIONS_CLOSED";
    }
}
