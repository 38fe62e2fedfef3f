package org.festivalledger.results;

import java.time.Instant;
import java.util.List;

/**
 * What the public may see of a competition's results once they are published: the standing awards with their
 * citations, and each round's shortlist. Never a juror's name, a mark or a score: shortlists are listed by title,
 * as festivals announce them, so the order does not reveal the ranking either. {@code publicationPosition} is the
 * ledger position of the publication: the log's checkpoint at that size is the digest published with the results.
 */
public record PublishedResults(String competitionId, String name, String edition, Instant publishedAt,
                               List<PublicAward> awards, List<PublicShortlist> shortlists,
                               long publicationPosition) {

    /** A film as the public page names it. */
    public record PublicEntry(String submissionId, String title, List<String> team, String country,
                              int runtimeMinutes) {
    }

    public record PublicAward(String awardId, String categoryId, String categoryName, PublicEntry entry,
                              String citation) {
    }

    public record PublicShortlist(String roundId, String roundName, List<PublicEntry> entries) {
    }
}
