package org.festivalledger.standings;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.festivalledger.judging.JudgingEvent;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.competition.Criterion;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionReceived;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measurement, not a test (it asserts nothing about time and runs only when asked:
 * {@code -Dtest=StandingsCostProbe -Dstandings.probe=true}): what one live change costs the standings thread at
 * festival scale. A round of 10,000 entries and 100 jurors is filled with 48,000 scores, then 1,000 more scores are
 * fed through a real board one at a time, each awaited in the live standings; it prints the standings thread's CPU
 * time and allocated bytes per change.
 */
@EnabledIfSystemProperty(named = "standings.probe", matches = "true")
class StandingsCostProbe extends OnAnEmbeddedStore {

    private static final int ENTRIES = 10_000;
    private static final int JURORS = 100;
    private static final int JURORS_PER_ENTRY = 5;
    private static final int MEASURED = 1_000;
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("art", "Artistic impact", new BigDecimal("0.4"), BigDecimal.ZERO, BigDecimal.TEN),
            new Criterion("theme", "Thematic expression", new BigDecimal("0.3"), BigDecimal.ZERO, BigDecimal.TEN),
            new Criterion("ai", "Innovative use of AI", new BigDecimal("0.3"), BigDecimal.ZERO, BigDecimal.TEN));

    private long position;

    @ParameterizedTest
    @EnumSource(value = AggregationMethod.class, names = {"MEAN", "ZSCORE_MEAN"})
    void costOfOneLiveChange(AggregationMethod aggregation) {
        String competition = "probe-" + aggregation;
        JudgingBoard board = new JudgingBoard(database);
        StandingsService service = new StandingsService(board);
        Random random = new Random(7);
        List<String> entries = new ArrayList<>();
        for (int e = 0; e < ENTRIES; e++) {
            String id = String.format("entry-%05d", e);
            entries.add(id);
            board.on(new SubmissionReceived(id, competition, new Entry("Film " + e, List.of("Li Wei"), "CN", 9, "",
                    new AiDisclosure(List.of("Runway"), AiWorkflow.HYBRID)), Instant.ofEpochSecond(e)), next());
        }
        judging(board, new RoundOpened(competition, "r1", "Preliminary", JURORS_PER_ENTRY, aggregation, JURORS_PER_ENTRY,
                EntrySource.ALL_ELIGIBLE, entries, CRITERIA), next());
        List<Assignment> assignments = new ArrayList<>();
        for (int e = 0; e < ENTRIES; e++) {
            for (int j = 0; j < JURORS_PER_ENTRY; j++) {
                assignments.add(new Assignment("juror-" + (e + j * 7) % JURORS, entries.get(e)));
            }
        }
        judging(board, new JurorsAssigned(competition, "r1", assignments, true), next());
        List<Assignment> order = new ArrayList<>(assignments);
        java.util.Collections.shuffle(order, random);
        int preloaded = order.size() - MEASURED;
        for (int i = 0; i < preloaded; i++) {
            score(board, competition, order.get(i), random);
        }
        assertThat(service.current(competition, "r1", position, Duration.ofMinutes(2))).isPresent();
        // This service's thread is the newest of that name (each parameter gets a service of its own).
        Thread standings = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("standings"))
                .max(java.util.Comparator.comparingLong(Thread::getId)).orElseThrow();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpuBefore = threads.getThreadCpuTime(standings.getId());
        long bytesBefore = threads.getThreadAllocatedBytes(standings.getId());
        long wallBefore = System.nanoTime();
        for (int i = preloaded; i < order.size(); i++) {
            score(board, competition, order.get(i), random);
            assertThat(service.current(competition, "r1", position, Duration.ofSeconds(30)).orElseThrow()
                    .ledgerPosition()).isEqualTo(position);
        }
        double cpuMs = (threads.getThreadCpuTime(standings.getId()) - cpuBefore) / 1e6 / MEASURED;
        double allocatedKb = (threads.getThreadAllocatedBytes(standings.getId()) - bytesBefore) / 1024.0 / MEASURED;
        double wallMs = (System.nanoTime() - wallBefore) / 1e6 / MEASURED;
        // The board's periodic snapshot serialises the record under the same lock the standings copy under.
        long serialising = System.nanoTime();
        int bytes = board.read(competition, org.festivalledger.view.ViewSnapshots::serialize).orElseThrow().length;
        System.out.printf("PROBE %s: the board's snapshot of the round (%,d bytes of JSON) held the record's lock"
                + " %.1f ms%n", aggregation, bytes, (System.nanoTime() - serialising) / 1e6);
        System.out.printf("PROBE %s: %d changes, standings thread %.2f ms CPU and %.0f kB allocated per change; "
                + "score to standings %.2f ms wall%n", aggregation, MEASURED, cpuMs, allocatedKb, wallMs);
    }

    private void score(JudgingBoard board, String competition, Assignment assignment, Random random) {
        judging(board, new ScoreRecorded(competition, "r1", assignment.jurorId(), assignment.submissionId(), Map.of(
                "art", mark(random), "theme", mark(random), "ai", mark(random)), ""), next());
    }

    private static BigDecimal mark(Random random) {
        return BigDecimal.valueOf(random.nextInt(101), 1);
    }

    private GlobalSequenceTrackingToken next() {
        return new GlobalSequenceTrackingToken(++position);
    }

    /** A judging event handed to the board as its processor would, outside any aggregate stream. */
    private static void judging(JudgingBoard board, JudgingEvent event, TrackingToken token) {
        board.on(event, token, GenericEventMessage.asEventMessage(event));
    }
}
