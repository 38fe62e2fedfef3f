package org.festivalledger.results;

import java.time.Instant;
import java.util.List;

/**
 * What the public may see of a competition's results once they are published: the standing awards with their
 * citations, and each round's shortlist. Never a juror's name, a mark or a score: shortlists are listed by title,
 * as festivals announce them, so the order does not reveal the ranking either. {@code publicationPosition} is the
 * ledger position of the latest publication, and {@code publications} lists every one: the log's checkpoint at
 * each publication's size is the digest published with the results it made public.
 */
public record PublishedResults(String competitionId, String name, String edition,
                               /* the latest publication */ Instant publishedAt,
                               List<PublicAward> awards, List<PublicShortlist> shortlists,
                               long publicationPosition, List<Publication> publications) {

    /** One publication: when it was made and its ledger position (the log's checkpoint there is its digest). */
    public record Publication(Instant publishedAt, long position) {
    }

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
