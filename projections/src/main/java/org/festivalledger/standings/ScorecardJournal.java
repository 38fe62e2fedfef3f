package org.festivalledger.standings;

import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which scorecards of each followed round changed since the live standings last copied the round, so that a
 * recomputation copies those few from the board instead of the whole round (10,000 entries and 50,000 scores at
 * festival scale, copied and compared on every change before).
 * <p>
 * The board notes each event that changed a round under the record's lock ({@link JudgingBoard#onRoundFold}), and
 * the standings thread drains the journal inside {@link JudgingBoard#read}, under the same lock: what it drains is
 * exactly what changed between its previous copy and this one, and no change can fall between the drain and the
 * copy. Any change other than a score, recorded, revised or voided (a round opened, an entry dropped, assignments,
 * a round closed), a record the journal has not seen (the first copy, a reset, a restored snapshot) or a journal
 * grown past {@value #LIMIT} scorecards means: copy the whole round.
 * <p>
 * Only rounds the live standings copied are followed, and only in the record they copied them from: records nobody
 * ranks live (time travel, rebuild copies) are never journalled, and the journal lives outside the record, so it
 * is never part of the board's snapshots.
 */
final class ScorecardJournal {

    /** Beyond this many changed scorecards, copying the whole round costs about the same. */
    static final int LIMIT = 5_000;

    /** One juror's scorecard for one entry. */
    record Scorecard(String jurorId, String submissionId) {
    }

    /** What changed since the last drain: everything ({@code whole}), or these scorecards. */
    record Drained(boolean whole, List<Scorecard> scorecards) {
        static final Drained WHOLE = new Drained(true, List.of());
    }

    /** A followed round; guarded by its record's lock. */
    private static final class Followed {
        final JudgingRecord record;
        boolean whole;
        final Set<Scorecard> changed = new LinkedHashSet<>();

        Followed(JudgingRecord record) {
            this.record = record;
        }
    }

    private final Map<String, Followed> rounds = new ConcurrentHashMap<>();

    /** On the board's processor thread, under the record's lock: notes what the event changed in a followed round. */
    void folded(JudgingRecord record, String roundId, Object event) {
        Followed followed = rounds.get(key(record.competitionId(), roundId));
        if (followed == null || followed.record != record || followed.whole) {
            return;
        }
        Scorecard scorecard = scorecardOf(event);
        if (scorecard == null || followed.changed.size() >= LIMIT) {
            followed.whole = true;
            followed.changed.clear();
        } else {
            followed.changed.add(scorecard);
        }
    }

    /**
     * Under the record's lock: what changed in the round since the last drain, and from now on the round is
     * followed in this record.
     */
    Drained drain(JudgingRecord record, String roundId) {
        String key = key(record.competitionId(), roundId);
        Followed followed = rounds.get(key);
        if (followed == null || followed.record != record || followed.whole) {
            rounds.put(key, new Followed(record));
            return Drained.WHOLE;
        }
        List<Scorecard> changed = List.copyOf(followed.changed);
        followed.changed.clear();
        return new Drained(false, changed);
    }

    /** The next drain of the round answers "whole" (after a recomputation failed half-way, say). */
    void forget(String competitionId, String roundId) {
        rounds.remove(key(competitionId, roundId));
    }

    /** Every round's next drain answers "whole" (the board was reset). */
    void clear() {
        rounds.clear();
    }

    /** How many changed scorecards are noted, over every followed round (what the journal holds). */
    int noted() {
        return rounds.values().stream().mapToInt(followed -> followed.changed.size()).sum();
    }

    private static Scorecard scorecardOf(Object event) {
        if (event instanceof ScoreRecorded e) {
            return new Scorecard(e.jurorId(), e.submissionId());
        }
        if (event instanceof ScoreRevised e) {
            return new Scorecard(e.jurorId(), e.submissionId());
        }
        if (event instanceof ScoreVoided e) {
            return new Scorecard(e.jurorId(), e.submissionId());
        }
        return null;
    }

    private static String key(String competitionId, String roundId) {
        return competitionId + "/" + roundId;
    }
}
