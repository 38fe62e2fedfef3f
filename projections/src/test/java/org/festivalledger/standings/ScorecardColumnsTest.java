package org.festivalledger.standings;

import org.festivalledger.competition.Criterion;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
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

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scorecards in the board's snapshots and time travel's checkpoints: written in columns, read back the same. */
class ScorecardColumnsTest {

    private static final String C = "aigc";
    private static final String R = "preliminary";
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("art", "Artistic impact", new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.TEN),
            new Criterion("ai", "Innovative use of AI", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN));

    /** Every kind of scorecard: plain, revised with a comment, voided with a reason; marks of several scales. */
    static JudgingRecord aJudgedRound() {
        List<Object> events = List.of(
                received("e1", "Paper Moons"), received("e2", "Salt Tides"),
                new JurorAppointed(C, "j1", "Juror One", "hash-1"),
                new JurorAppointed(C, "j2", "Juror Two", "hash-2"),
                new RoundOpened(C, R, "Preliminary", 2, AggregationMethod.MEAN, 2, EntrySource.ALL_ELIGIBLE,
                        List.of("e1", "e2"), CRITERIA),
                new JurorsAssigned(C, R, List.of(new Assignment("j1", "e1"), new Assignment("j2", "e1"),
                        new Assignment("j1", "e2"), new Assignment("j2", "e2")), true),
                new ScoreRecorded(C, R, "j1", "e1", marks("7.50", "8"), ""),
                new ScoreRecorded(C, R, "j2", "e1", marks("1E+1", "0.0"), "高潮部分的配乐很有力量"),
                new ScoreRecorded(C, R, "j1", "e2", marks("6", "6"), "first look"),
                new ScoreRevised(C, R, "j1", "e2", marks("6.25", "9"), "second look", "rewatched", 1),
                new ScoreRecorded(C, R, "j2", "e2", marks("3", "2"), null),
                new ScoreVoided(C, R, "j2", "e2", "conflict found after scoring"));
        JudgingRecord record = new JudgingRecord(C);
        for (int i = 0; i < events.size(); i++) {
            record.apply(events.get(i), i + 1);
        }
        return record;
    }

    @Test
    void scorecardsReadBackExactlyAsFolded() throws IOException {
        JudgingRecord record = aJudgedRound();

        JudgingRecord read = read(ViewSnapshots.serialize(record));

        assertThat(scorecards(read)).containsExactlyEntriesOf(scorecards(record));
        assertThat(read.round(R).orElseThrow().scorecardOf("j2", "e1").orElseThrow().marks().get("art"))
                .hasToString("1E+1");
        assertThat(new String(ViewSnapshots.serialize(read), StandardCharsets.UTF_8))
                .isEqualTo(new String(ViewSnapshots.serialize(record), StandardCharsets.UTF_8));
    }

    @Test
    void eachIdIsWrittenOnce() {
        String json = new String(ViewSnapshots.serialize(aJudgedRound()), StandardCharsets.UTF_8);

        String scorecards = json.substring(json.indexOf("\"scorecards\""));
        assertThat(scorecards).contains("\"layout\":\"" + ScorecardColumns.LAYOUT + "\"");
        assertThat(scorecards.split("\"j1\"", -1)).hasSize(2);
        assertThat(scorecards.split("\"e2\"", -1)).hasSize(2);
        assertThat(scorecards.split("\"art\"", -1)).hasSize(2);
    }

    /** A board snapshot written before the columns (stored by that version of the code) reads to the same state. */
    @Test
    void aSnapshotWrittenBeforeTheColumnsStillReads() throws IOException {
        JudgingRecord before;
        try (InputStream stored = getClass().getResourceAsStream("board-snapshot-before-columns.json")) {
            before = read(stored.readAllBytes());
        }

        JudgingRecord record = aJudgedRound();
        assertThat(scorecards(before)).containsExactlyEntriesOf(scorecards(record));
        assertThat(ViewSnapshots.serialize(before)).isEqualTo(ViewSnapshots.serialize(record));
    }

    @Test
    void scorecardsInAnUnknownLayoutAreRefused() {
        String json = new String(ViewSnapshots.serialize(aJudgedRound()), StandardCharsets.UTF_8)
                .replace(ScorecardColumns.LAYOUT, "columns-99");

        assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class)
                .hasMessageContaining("columns-99");
    }

    @Test
    void damagedScorecardsAreRefusedNotHalfRead() {
        String json = new String(ViewSnapshots.serialize(aJudgedRound()), StandardCharsets.UTF_8)
                .replace("\"cards\":[[0,", "\"cards\":[[99,");

        assertThatThrownBy(() -> read(json.getBytes(StandardCharsets.UTF_8))).isInstanceOf(IOException.class);
    }

    private static JudgingRecord read(byte[] json) throws IOException {
        return ViewSnapshots.mapping().readValue(json, JudgingRecord.class);
    }

    private static Map<String, JudgingRecord.Scorecard> scorecards(JudgingRecord record) {
        Map<String, JudgingRecord.Scorecard> cards = new LinkedHashMap<>();
        JudgingRecord.Round round = record.round(R).orElseThrow();
        for (String entry : round.allEntries()) {
            for (String juror : List.of("j1", "j2")) {
                round.scorecardOf(juror, entry).ifPresent(card -> cards.put(juror + "|" + entry, card));
            }
        }
        return cards;
    }

    private static Map<String, BigDecimal> marks(String art, String ai) {
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        marks.put("art", new BigDecimal(art));
        marks.put("ai", new BigDecimal(ai));
        return marks;
    }

    private static SubmissionReceived received(String id, String title) {
        return new SubmissionReceived(id, C, new Entry(title, List.of("Li Wei"), "CN", 9, "",
                new AiDisclosure(List.of("Runway"), AiWorkflow.HYBRID)), Instant.parse("2026-03-01T10:00:00Z"));
    }
}
