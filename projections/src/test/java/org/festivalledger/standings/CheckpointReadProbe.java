package org.festivalledger.standings;

import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.competition.Criterion;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test (it asserts nothing about time and runs only when asked:
 * {@code -Dtest=CheckpointReadProbe -Dcheckpoint.probe=true}): what reading one time-travel checkpoint of the
 * time-travel benchmark's festival costs (10,000 entries, 100 jurors, three rounds of 5 scores per entry: 150,000
 * scorecards), in a fresh JVM (the first read, as right after a start) and once the JIT has compiled the reader.
 */
@EnabledIfSystemProperty(named = "checkpoint.probe", matches = "true")
class CheckpointReadProbe extends OnAnEmbeddedStore {

    private static final int ENTRIES = 10_000;
    private static final int JURORS = 100;
    private static final int PER_ENTRY = 5;

    @Test
    void costOfReadingACheckpoint() throws Exception {
        List<Criterion> criteria = List.of(criterion("artistic-impact", "0.4"),
                criterion("thematic-expression", "0.3"), criterion("innovative-ai-use", "0.3"));
        JudgingRecord record = new JudgingRecord("probe");
        Random random = new Random(7);
        long position = 0;
        List<String> ids = new ArrayList<>();
        for (int n = 1; n <= ENTRIES; n++) {
            ids.add(String.format("tt-%05d", n));
        }
        for (int r = 1; r <= 3; r++) {
            String round = "round-" + r;
            record.apply(new RoundOpened("probe", round, "Round " + r, PER_ENTRY, AggregationMethod.MEAN, PER_ENTRY,
                    EntrySource.ALL_ELIGIBLE, ids, criteria), ++position);
            List<Assignment> assignments = new ArrayList<>();
            for (int n = 0; n < ENTRIES; n++) {
                for (int k = 0; k < PER_ENTRY; k++) {
                    assignments.add(new Assignment("juror-" + ((n * PER_ENTRY + k) % JURORS + 1), ids.get(n)));
                }
            }
            record.apply(new JurorsAssigned("probe", round, assignments, true), ++position);
            for (Assignment assignment : assignments) {
                Map<String, BigDecimal> marks = new LinkedHashMap<>();
                criteria.forEach(criterion -> marks.put(criterion.id(), BigDecimal.valueOf(random.nextInt(11))));
                record.apply(new ScoreRecorded("probe", round, assignment.jurorId(), assignment.submissionId(),
                        marks, ""), ++position);
            }
        }
        JudgingCheckpoints checkpoints = new JudgingCheckpoints(database, 2_000);
        byte[] json = JudgingCheckpoints.serialize(record);
        JudgingCheckpoints.Mark mark = new JudgingCheckpoints.Mark(position - 1, position);
        checkpoints.save("probe", mark, json);
        for (int read = 1; read <= 8; read++) {
            long started = System.nanoTime();
            JudgingRecord loaded = checkpoints.load("probe", mark).orElseThrow();
            double millis = (System.nanoTime() - started) / 1e6;
            assertThat(loaded.position()).isEqualTo(position);
            System.out.printf("PROBE read %d of a checkpoint of %,d bytes: %.1f ms%n", read, json.length, millis);
        }
        for (int read = 1; read <= 4; read++) {
            long started = System.nanoTime();
            JudgingRecord parsed = org.festivalledger.view.ViewSnapshots.mapping().readValue(json, JudgingRecord.class);
            System.out.printf("PROBE parse only %d: %.1f ms%n", read, (System.nanoTime() - started) / 1e6);
            assertThat(parsed.position()).isEqualTo(position);
        }
    }

    private static Criterion criterion(String id, String weight) {
        return new Criterion(id, id, new BigDecimal(weight), BigDecimal.ZERO, BigDecimal.TEN);
    }
}
