package org.festivalledger.standings;

import org.festivalledger.competition.Criterion;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.view.ViewSnapshots;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The judging board's fold: events in, the state and standings organisers and jurors read out. */
class JudgingRecordTest {

    private static final String C = "aigc";
    private static final String R = "preliminary";
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("art", "Artistic impact", new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.TEN),
            new Criterion("ai", "Innovative use of AI", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN));

    private final List<Object> events = new ArrayList<>();

    private JudgingRecord fold() {
        JudgingRecord record = new JudgingRecord(C);
        for (int i = 0; i < events.size(); i++) {
            record.apply(events.get(i), i + 1);
        }
        return record;
    }

    private void givenARoundWithTwoEntriesAndTwoJurors() {
        events.add(received("e1", "Paper Moons", "2026-03-01T10:00:00Z"));
        events.add(received("e2", "Salt Tides", "2026-03-01T11:00:00Z"));
        events.add(new JurorAppointed(C, "j1", "Juror One", "hash-1"));
        events.add(new JurorAppointed(C, "j2", "Juror Two", "hash-2"));
        events.add(new RoundOpened(C, R, "Preliminary", 2, AggregationMethod.MEAN, 2, EntrySource.ALL_ELIGIBLE,
                List.of("e1", "e2"), CRITERIA));
        events.add(new JurorsAssigned(C, R, List.of(new Assignment("j1", "e1"), new Assignment("j2", "e1"),
                new Assignment("j1", "e2"), new Assignment("j2", "e2")), true));
    }

    @Test
    void theLatestScoreCountsAndTheStandingsFollowFromIt() {
        givenARoundWithTwoEntriesAndTwoJurors();
        events.add(score("j1", "e1", 6, 3));   // (2×6 + 3) / 3 = 5
        events.add(score("j2", "e1", 9, 9));   // 9
        events.add(score("j1", "e2", 8, 8));   // 8
        events.add(new ScoreRevised(C, R, "j1", "e1", marks(9, 6), "", "rewatched", 1)); // 8

        JudgingRecord record = fold();
        List<StandingRow> rows = standings(record);

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("e1", "e2");
        assertThat(rows.get(0).score()).isEqualByComparingTo("8.5");   // mean of 8 and 9
        assertThat(rows.get(0).complete()).isTrue();
        assertThat(rows.get(1).score()).isEqualByComparingTo("8");
        assertThat(rows.get(1).complete()).as("one score of the two required").isFalse();
        assertThat(rows.get(0).title()).isEqualTo("Paper Moons");
        assertThat(record.round(R).orElseThrow().scorecardOf("j1", "e1").orElseThrow().revisions()).isEqualTo(1);
    }

    @Test
    void aVoidedScoreAndADroppedEntryLeaveTheStandingsButNotTheHistory() {
        givenARoundWithTwoEntriesAndTwoJurors();
        events.add(score("j1", "e1", 10, 10));
        events.add(score("j2", "e1", 4, 4));
        events.add(score("j1", "e2", 5, 5));
        events.add(new ConflictDeclared(C, "j1", "e1", "produced it"));
        events.add(new ScoreVoided(C, R, "j1", "e1", "conflict of interest declared: produced it"));
        events.add(new EntryDropped(C, R, "e2", "withdrawn"));
        events.add(new RoundClosed(C, R));

        JudgingRecord record = fold();
        List<StandingRow> rows = standings(record);

        assertThat(rows).extracting(StandingRow::submissionId).containsExactly("e1");
        assertThat(rows.get(0).score()).isEqualByComparingTo("4");
        assertThat(rows.get(0).scoresCount()).isEqualTo(1);
        assertThat(record.round(R).orElseThrow().scorecardOf("j1", "e1").orElseThrow().voided()).isTrue();
        assertThat(record.isConflicted("j1", "e1")).isTrue();
        assertThat(record.round(R).orElseThrow().isOpen()).isFalse();
        assertThat(record.round(R).orElseThrow().entriesOf("j1")).containsExactly("e1");
    }

    @Test
    void aSnapshotOfTheBoardReadsBackToTheSameStandings() throws Exception {
        givenARoundWithTwoEntriesAndTwoJurors();
        events.add(score("j1", "e1", 7, 2));
        events.add(score("j2", "e2", 3, 9));
        JudgingRecord record = fold();

        byte[] saved = ViewSnapshots.serialize(record);
        JudgingRecord restored;
        try (ByteArrayInputStream in = new ByteArrayInputStream(saved)) {
            restored = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                    .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.FIELD,
                            com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY)
                    .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.GETTER,
                            com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                    .setVisibility(com.fasterxml.jackson.annotation.PropertyAccessor.IS_GETTER,
                            com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE)
                    .readValue(in, JudgingRecord.class);
        }

        assertThat(standings(restored)).isEqualTo(standings(record));
        assertThat(restored.position()).isEqualTo(record.position());
        assertThat(restored.jurors()).containsExactlyElementsOf(record.jurors());
    }

    private static List<StandingRow> standings(JudgingRecord record) {
        return RoundStandings.of(record, R, record.entryFacts()).orElseThrow().standings().rows();
    }

    private static SubmissionReceived received(String id, String title, String at) {
        return new SubmissionReceived(id, C, new Entry(title, List.of("Li Wei"), "CN", 9, "",
                new AiDisclosure(List.of("Runway"), AiWorkflow.HYBRID)), Instant.parse(at));
    }

    private static ScoreRecorded score(String juror, String entry, int art, int ai) {
        return new ScoreRecorded(C, R, juror, entry, marks(art, ai), "");
    }

    private static Map<String, BigDecimal> marks(int art, int ai) {
        return Map.of("art", BigDecimal.valueOf(art), "ai", BigDecimal.valueOf(ai));
    }
}
