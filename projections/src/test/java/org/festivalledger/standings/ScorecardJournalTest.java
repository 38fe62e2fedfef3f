package org.festivalledger.standings;

import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the live standings learn from the journal: which scorecards to copy, or that the round must be copied whole. */
class ScorecardJournalTest {

    private static final String C = "aigc";
    private static final String R = "preliminary";
    private static final Map<String, BigDecimal> MARKS = Map.of("art", BigDecimal.TEN);

    private final ScorecardJournal journal = new ScorecardJournal();
    private final JudgingRecord record = new JudgingRecord(C);

    @Test
    void aRoundIsCopiedWholeFirstAndThenOnlyTheScorecardsChangedSinceEachCopy() {
        assertThat(journal.drain(record, R).whole()).isTrue();

        journal.folded(record, R, new ScoreRecorded(C, R, "j1", "e1", MARKS, ""));
        journal.folded(record, R, new ScoreRevised(C, R, "j1", "e1", MARKS, "", "rewatched", 1));
        journal.folded(record, R, new ScoreVoided(C, R, "j2", "e3", "conflict"));

        ScorecardJournal.Drained drained = journal.drain(record, R);
        assertThat(drained.whole()).isFalse();
        assertThat(drained.scorecards()).containsExactly(new ScorecardJournal.Scorecard("j1", "e1"),
                new ScorecardJournal.Scorecard("j2", "e3"));
        assertThat(journal.drain(record, R)).isEqualTo(new ScorecardJournal.Drained(false, java.util.List.of()));
    }

    @Test
    void anyChangeToTheRoundOtherThanAScoreMeansCopyingItWhole() {
        for (Object change : new Object[]{new EntryDropped(C, R, "e1", "withdrawn"),
                new AssignmentRemoved(C, R, "j1", "e1", "reassigned"), new RoundClosed(C, R)}) {
            journal.drain(record, R);
            journal.folded(record, R, new ScoreRecorded(C, R, "j1", "e1", MARKS, ""));
            journal.folded(record, R, change);
            journal.folded(record, R, new ScoreRecorded(C, R, "j1", "e2", MARKS, ""));

            assertThat(journal.drain(record, R).whole()).as("after %s", change).isTrue();
        }
    }

    @Test
    void anotherRecordOfTheCompetitionAResetOrARestoredSnapshotIsCopiedWhole() {
        journal.drain(record, R);
        JudgingRecord rebuilt = new JudgingRecord(C);
        journal.folded(rebuilt, R, new ScoreRecorded(C, R, "j1", "e1", MARKS, ""));

        assertThat(journal.drain(rebuilt, R).whole()).isTrue();
        assertThat(journal.drain(record, R).whole()).as("the old record is no longer followed").isTrue();
    }

    @Test
    void aRoundNeverCopiedLiveIsNotJournalledAndAJournalPastItsLimitCollapsesToWhole() {
        for (int i = 0; i < 3 * ScorecardJournal.LIMIT; i++) {
            journal.folded(record, R, new ScoreRecorded(C, R, "j" + i, "e1", MARKS, ""));
        }
        assertThat(journal.noted()).isZero();

        journal.drain(record, R);
        for (int i = 0; i < 3 * ScorecardJournal.LIMIT; i++) {
            journal.folded(record, R, new ScoreRecorded(C, R, "j" + i, "e1", MARKS, ""));
        }
        assertThat(journal.noted()).isZero();
        assertThat(journal.drain(record, R).whole()).isTrue();
    }

    @Test
    void aForgottenRoundIsCopiedWholeNextTime() {
        journal.drain(record, R);
        journal.folded(record, R, new ScoreRecorded(C, R, "j1", "e1", MARKS, ""));
        journal.forget(C, R);

        assertThat(journal.drain(record, R).whole()).isTrue();
    }
}
