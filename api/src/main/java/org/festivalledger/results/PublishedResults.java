package org.festivalledger.results;

import java.time.Instant;
import java.util.List;

/**
 * What the public may see of a competition's results once they are published: the standing awards with their
 * citations, and each round's shortlist. Never a juror's name, a mark or a score: shortlists are listed by title,
 * as festivals announce them, so the order does not reveal the ranking either.
 */
public record PublishedResults(String competitionId, String name, String edition,
                               /* the latest publication */ Instant publishedAt,
                               List<PublicAward> awards, List<PublicShortlist> shortlists) {

    /** A film as the public page names it. */
    public record PublicEntry(String submissionId, String title, List<String> team, String country,
                              int runtimeMinutes) {
    }

    /** A standing award; {@code publishedAt} is when the publication that made it public was made. */
    public record PublicAward(String awardId, String categoryId, String categoryName, PublicEntry entry,
                              String citation, Instant publishedAt) {
    }

    public record PublicShortlist(String roundId, String roundName, List<PublicEntry> entries, Instant publishedAt) {
    }
}
