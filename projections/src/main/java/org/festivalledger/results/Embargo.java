package org.festivalledger.results;

import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.JudgingRecord.Publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The embargo rule, per decision: a shortlist or award is public from the first publication recorded after it on
 * the ledger, and not before. A decision recorded after the last publication waits for the next one, however
 * long ago the results were first published. Ledger positions, not clocks, decide what was "before".
 */
public final class Embargo {

    private Embargo() {
    }

    /** When the decision recorded at {@code recordedAt} was published; empty while it is under embargo. */
    public static Optional<Instant> publishedAt(JudgingRecord record, long recordedAt) {
        return publicationsOf(record).stream().filter(publication -> publication.recordedAt() > recordedAt)
                .findFirst().map(Publication::publishedAt);
    }

    /** Whether anything of the competition was ever published (before that, the results do not exist publicly). */
    public static boolean everPublished(JudgingRecord record) {
        return !publicationsOf(record).isEmpty();
    }

    /** How many shortlists and standing awards were recorded since the last publication: the next makes them public. */
    public static long awaitingPublication(JudgingRecord record) {
        return record.shortlists().stream().filter(shortlist -> publishedAt(record, shortlist.recordedAt()).isEmpty())
                .count()
                + record.awards().stream().filter(award -> !award.revoked()
                && publishedAt(record, award.recordedAt()).isEmpty()).count();
    }

    private static List<Publication> publicationsOf(JudgingRecord record) {
        return record.publications();
    }
}
