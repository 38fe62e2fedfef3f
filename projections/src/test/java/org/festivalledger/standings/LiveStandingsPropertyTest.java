package org.festivalledger.standings;

import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.competition.Criterion;
import org.axonframework.eventhandling.GenericEventMessage;
import org.festivalledger.judging.JudgingEvent;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live standings, kept change by change (only the scorecards that changed are copied from the board and applied
 * to the kept ranking), are the standings a full recomputation gives: random streams of scores, revisions, voids,
 * dropped entries and removed assignments are fed through a real {@link JudgingBoard} to a real
 * {@link StandingsService}, one to three events at a time (so recomputations coalesce), and after each batch the
 * live standings equal {@link StandingsService#compute}, which ranks the whole round with
 * {@link StandingsCalculator#rank}. Ties are common on purpose: few distinct marks, colliding receipt times.
 */
class LiveStandingsPropertyTest extends OnAnEmbeddedStore {

    private static final int STREAMS = 5;
    private static final int BATCHES = 120;
    private static final String ROUND = "r1";

    private long position;

    @ParameterizedTest
    @EnumSource(AggregationMethod.class)
    void theLiveStandingsEqualAFullRecomputationAfterEveryChange(AggregationMethod aggregation) {
        checkEquality(aggregation, 97L, "live-", BATCHES, random -> 1 + random.nextInt(3));
    }

    /**
     * Events fed without waiting, so the standings thread drains the journal while the board is folding: after the
     * last one, and at a few points on the way, the live standings still equal a full recomputation.
     */
    @ParameterizedTest
    @EnumSource(AggregationMethod.class)
    void changesFoldedWhileTheStandingsAreBeingRecomputedAreNotLost(AggregationMethod aggregation) {
        checkEquality(aggregation, 89L, "unpaused-", 4, random -> BATCHES);
    }

    /** Feeds random streams, {@code checks} times a batch of events, comparing live and full standings after each. */
    private void checkEquality(AggregationMethod aggregation, long seed, String prefix, int checks,
                               java.util.function.ToIntFunction<Random> batchSize) {
        JudgingBoard board = new JudgingBoard(database);
        StandingsService service = new StandingsService(board);
        for (int stream = 0; stream < STREAMS; stream++) {
            Random random = new Random(seed * stream + aggregation.ordinal());
            String competition = prefix + aggregation + "-" + stream;
            Stream events = new Stream(competition, random, aggregation);
            events.opening().forEach(event -> feed(board, event));
            for (int check = 0; check < checks; check++) {
                int size = batchSize.applyAsInt(random);
                for (int i = 0; i < size; i++) {
                    feed(board, events.next());
                }
                Standings live = service.current(competition, ROUND, position, Duration.ofSeconds(30)).orElseThrow();
                assertThat(live).as("%s, stream %d, check %d", aggregation, stream, check)
                        .isEqualTo(service.compute(competition, ROUND).orElseThrow());
            }
        }
    }

    private void feed(JudgingBoard board, Object event) {
        GlobalSequenceTrackingToken token = new GlobalSequenceTrackingToken(++position);
        if (event instanceof SubmissionReceived received) {
            board.on(received, token);
        } else {
            board.on((JudgingEvent) event, token, GenericEventMessage.asEventMessage(event));
        }
    }

    /** A random round: its opening events, then one random change after another. */
    private static final class Stream {
        private final String competition;
        private final Random random;
        private final AggregationMethod aggregation;
        private final List<Criterion> criteria = new ArrayList<>();
        private final int entries;
        private final int jurors;
        /** "juror/entry" → whether its score counts now (false: voided). */
        private final Map<String, Boolean> scored = new LinkedHashMap<>();

        Stream(String competition, Random random, AggregationMethod aggregation) {
            this.competition = competition;
            this.random = random;
            this.aggregation = aggregation;
            this.entries = 3 + random.nextInt(25);
            this.jurors = 1 + random.nextInt(8);
            for (int c = 0; c < 1 + random.nextInt(3); c++) {
                criteria.add(new Criterion("c" + c, "Criterion " + c, BigDecimal.valueOf(1 + random.nextInt(4), 1),
                        BigDecimal.ZERO, BigDecimal.TEN));
            }
        }

        List<Object> opening() {
            List<Object> events = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            List<Assignment> assignments = new ArrayList<>();
            for (int e = 0; e < entries; e++) {
                ids.add("e" + e);
                // Receipt times collide now and then, so the tie-break reaches the submission id.
                events.add(new SubmissionReceived("e" + e, competition, new Entry("Film " + e, List.of("Li Wei"), "CN",
                        9, "", new AiDisclosure(List.of("Runway"), AiWorkflow.HYBRID)),
                        Instant.ofEpochSecond(random.nextInt(entries))));
                for (int j = 0; j < jurors; j++) {
                    assignments.add(new Assignment("j" + j, "e" + e));
                }
            }
            events.add(new RoundOpened(competition, ROUND, "Preliminary", jurors, aggregation, 1 + random.nextInt(4),
                    EntrySource.ALL_ELIGIBLE, ids, criteria));
            events.add(new JurorsAssigned(competition, ROUND, assignments, true));
            return events;
        }

        Object next() {
            String juror = "j" + random.nextInt(jurors);
            String entry = "e" + random.nextInt(entries);
            String key = juror + "/" + entry;
            int dice = random.nextInt(100);
            if (dice < 2) {
                return new EntryDropped(competition, ROUND, entry, "withdrawn");
            }
            if (dice < 4) {
                return new AssignmentRemoved(competition, ROUND, juror, entry, "reassigned");
            }
            if (dice < 14) {
                // Now and then a void of a scorecard that does not exist: it changes nothing.
                scored.computeIfPresent(key, (k, counts) -> false);
                return new ScoreVoided(competition, ROUND, juror, entry, "conflict of interest declared");
            }
            if (scored.containsKey(key) && dice < 50) {
                scored.put(key, true);
                return new ScoreRevised(competition, ROUND, juror, entry, marks(), "", "rewatched", 1);
            }
            scored.put(key, true);
            return new ScoreRecorded(competition, ROUND, juror, entry, marks(), "");
        }

        private Map<String, BigDecimal> marks() {
            Map<String, BigDecimal> marks = new LinkedHashMap<>();
            for (Criterion criterion : criteria) {
                // Few distinct marks (halves from 0 to 10), so equal scores are common.
                marks.put(criterion.id(), BigDecimal.valueOf(random.nextInt(21) * 5L, 1));
            }
            return marks;
        }
    }
}
