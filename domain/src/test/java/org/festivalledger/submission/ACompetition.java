package org.festivalledger.submission;

import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.competition.Criterion;
import org.festivalledger.competition.SubmissionRules;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The competition the submission tests enter films into: deadline 1 March 2026, at most 15 minutes. */
final class ACompetition {

    static final String ID = "bjiff-aigc-2026";
    static final Instant DEADLINE = Instant.parse("2026-03-01T00:00:00Z");
    static final int MAX_RUNTIME = 15;

    private ACompetition() {
    }

    static CompetitionAnnounced announced() {
        return new CompetitionAnnounced(ID, "AIGC Short Film Unit", "2026",
                List.of(new Criterion("artistic-impact", "Artistic impact", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN)),
                new SubmissionRules(DEADLINE, MAX_RUNTIME), List.of());
    }
}
