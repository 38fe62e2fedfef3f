package org.festivalledger.standings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.audit.EventPayloads;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.Criterion;
import org.festivalledger.judging.EntryLeftContention;
import org.festivalledger.judging.JudgingEstablished;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.PendingEvent;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.view.ViewSnapshots;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time travel from persisted checkpoints gives exactly what folding the whole judging stream gives: the live
 * board writes a checkpoint every few events of a random judging (rounds, scores, revisions, voids, assignments
 * removed, entries dropped, a shortlist, awards, a publication, with entries received in between), and a replay
 * to every position, from a time travel that has nothing in memory, is compared with the full fold.
 */
class TimeTravelCheckpointsTest extends OnAnEmbeddedStore {

    private static final int EVERY = 7;
    private static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(EventPayloads.objectMapper()).build();
    private static final ObjectMapper PAYLOADS = EventPayloads.objectMapper();

    private final String competition = "checkpoints-" + UUID.randomUUID().toString().substring(0, 8);
    private final String stream = JudgingId.of(competition);
    /** Counts the events of judging streams read by exact keys in this test's thread. */
    private final AtomicLong streamEventsRead = new AtomicLong();
    private final LedgerLog ledger = new LedgerLog(database, Clock.systemUTC()) {
        @Override
        public Stream<StoredEvent> readStream(String aggregateId, long firstSequence) {
            return super.readStream(aggregateId, firstSequence).peek(event -> streamEventsRead.incrementAndGet());
        }
    };
    private final JudgingBoard board = new JudgingBoard(database);
    private final AnnotationEventHandlerAdapter processor = new AnnotationEventHandlerAdapter(board);
    private final JudgingCheckpoints checkpoints = new JudgingCheckpoints(database, EVERY);
    /** Where the application's replays start: the writer keeps there each checkpoint it stores. */
    private final ReplayStarts liveStarts = new ReplayStarts(checkpoints);
    private final JudgingCheckpointWriter writer = new JudgingCheckpointWriter(board, checkpoints, liveStarts);
    private long judgingSequence;
    private long folded;

    @Test
    void aReplayFromCheckpointsEqualsTheFullFoldAtEveryPosition() throws Exception {
        long first = recordRandomJudging(new Random(11));
        foldIntoTheBoard();

        List<JudgingCheckpoints.Mark> marks = checkpoints.marks(competition);
        assertThat(marks).as("a checkpoint every %d judging events", EVERY).hasSizeGreaterThan(10);
        assertThat(marks).extracting(JudgingCheckpoints.Mark::sequence)
                .allSatisfy(sequence -> assertThat((sequence + 1) % EVERY).isZero());
        StandingsTimeTravel fullFold = timeTravel();
        fullFold.events(competition);
        long head = ledger.head().position();
        // One instance, as in the application: a checkpoint read once starts every replay after it, from a copy.
        // Backwards, so that the replays from a kept checkpoint come after one that folded the most events onto it.
        StandingsTimeTravel fromCheckpoints = timeTravel();
        for (long position = head + 1; position >= first - 1; position--) {
            assertSameReplay(fromCheckpoints.replay(competition, position), fullFold.replay(competition, position),
                    position);
        }
        // Before the first checkpoint, exactly at each, and after the last are among the positions above.
        assertThat(marks.get(0).position()).isGreaterThan(first);
        assertThat(marks.get(marks.size() - 1).position()).isLessThan(head);
    }

    @Test
    void aRestartedTimeTravelReadsOnlyTheEventsAfterTheNewestCheckpoint() throws Exception {
        recordRandomJudging(new Random(23));
        foldIntoTheBoard();
        long head = ledger.head().position();
        StandingsTimeTravel fullFold = timeTravel();
        fullFold.events(competition);

        streamEventsRead.set(0);
        StandingsTimeTravel restarted = timeTravel();
        StandingsTimeTravel.PastJudging atHead = restarted.replay(competition, head);

        assertThat(streamEventsRead.get()).as("events read after the newest checkpoint").isLessThan(EVERY);
        assertThat(atHead.lastSequence()).isEqualTo(judgingSequence - 1);
        assertSameReplay(atHead, fullFold.replay(competition, head), head);
    }

    @Test
    void theNewestCheckpointReadAtStartServesEveryReplayAfterIt() throws Exception {
        recordRandomJudging(new Random(29));
        foldIntoTheBoard();
        AtomicLong reads = new AtomicLong();
        ReplayStarts starts = new ReplayStarts(new JudgingCheckpoints(database, EVERY) {
            @Override
            public Optional<JudgingRecord> load(String competitionId, Mark mark) {
                if (competitionId.equals(competition)) {
                    reads.incrementAndGet();
                }
                return super.load(competitionId, mark);
            }
        });
        starts.readNewest();
        assertThat(reads.get()).as("the newest checkpoint of the competition judged last, read at start").isEqualTo(1);
        JudgingCheckpoints.Mark newest = checkpoints.marks(competition).get(checkpoints.marks(competition).size() - 1);
        long before = reads.get();
        long head = ledger.head().position();
        StandingsTimeTravel restarted = new StandingsTimeTravel(ledger, SERIALIZER, board, starts);
        StandingsTimeTravel fullFold = timeTravel();
        fullFold.events(competition);

        for (long position : List.of(newest.position(), head, newest.position() + 1)) {
            assertSameReplay(restarted.replay(competition, position), fullFold.replay(competition, position), position);
        }
        assertThat(reads.get()).as("checkpoints read after the start").isEqualTo(before);
    }

    /** The states are gone from the store: a replay at the head can only have started from the writer's copy. */
    @Test
    void aCheckpointJustStoredStartsTheNextReplayWithoutBeingReadBack() throws Exception {
        recordRandomJudging(new Random(31));
        foldIntoTheBoard();
        database.getCollection("judging_checkpoint_chunks").deleteMany(new org.bson.Document());
        long head = ledger.head().position();
        StandingsTimeTravel fullFold = timeTravel();
        fullFold.events(competition);

        streamEventsRead.set(0);
        StandingsTimeTravel.PastJudging atHead = new StandingsTimeTravel(ledger, SERIALIZER, board, liveStarts)
                .replay(competition, head);

        assertThat(streamEventsRead.get()).as("events read after the newest checkpoint").isLessThan(EVERY);
        assertSameReplay(atHead, fullFold.replay(competition, head), head);
    }

    /** As after a first catch-up: the board reached the head before the writer listed its last checkpoints. */
    @Test
    void aCheckpointHandedOverAndNotYetListedStartsTheNextReplay() throws Exception {
        recordRandomJudging(new Random(47));
        foldIntoTheBoard();
        database.getCollection("judging_checkpoint_marks").deleteMany(new org.bson.Document());
        database.getCollection("judging_checkpoint_chunks").deleteMany(new org.bson.Document());
        long head = ledger.head().position();
        StandingsTimeTravel fullFold = timeTravel();
        fullFold.events(competition);

        streamEventsRead.set(0);
        StandingsTimeTravel live = new StandingsTimeTravel(ledger, SERIALIZER, board, liveStarts);
        StandingsTimeTravel.PastJudging atHead = live.replay(competition, head);

        assertThat(streamEventsRead.get()).as("events read after the newest checkpoint").isLessThan(EVERY);
        assertSameReplay(atHead, fullFold.replay(competition, head), head);
        long first = ledger.readStream(stream, 0).findFirst().orElseThrow().position();
        assertSameReplay(live.replay(competition, first), fullFold.replay(competition, first), first);
    }

    @Test
    void aCheckpointThatCannotBeReadGivesWayToTheFullFold() throws Exception {
        recordRandomJudging(new Random(37));
        foldIntoTheBoard();
        List<JudgingCheckpoints.Mark> marks = checkpoints.marks(competition);
        JudgingCheckpoints.Mark missing = marks.get(3);
        JudgingCheckpoints.Mark corrupt = marks.get(6);
        JudgingCheckpoints.Mark another = marks.get(9);
        database.getCollection("judging_checkpoint_chunks").deleteOne(Filters.eq("_id",
                JudgingCheckpoints.FORMAT + ":" + competition + "@" + missing.sequence() + "@" + missing.position()
                        + "#0"));
        new ViewSnapshots(database, "judging_checkpoints", "judging_checkpoint_chunks").save(
                JudgingCheckpoints.FORMAT + ":" + competition + "@" + corrupt.sequence(), corrupt.position(),
                "{\"competitionId\":".getBytes());
        new ViewSnapshots(database, "judging_checkpoints", "judging_checkpoint_chunks").save(
                JudgingCheckpoints.FORMAT + ":" + competition + "@" + another.sequence(), another.position(),
                ("{\"competitionId\":\"someone else\",\"position\":" + another.position() + "}").getBytes());

        StandingsTimeTravel fullFold = timeTravel();
        fullFold.events(competition);
        for (JudgingCheckpoints.Mark mark : List.of(missing, corrupt, another)) {
            for (long position : List.of(mark.position(), mark.position() + 1)) {
                streamEventsRead.set(0);
                assertSameReplay(timeTravel().replay(competition, position), fullFold.replay(competition, position),
                        position);
                assertThat(streamEventsRead.get()).as("the whole stream read up to %d", position)
                        .isGreaterThan(mark.sequence());
            }
        }
    }

    @Test
    void aListOfCheckpointsThatCannotBeReadGivesWayToTheFullFold() throws Exception {
        recordRandomJudging(new Random(43));
        foldIntoTheBoard();
        database.getCollection("judging_checkpoint_marks").updateOne(Filters.eq("_id",
                JudgingCheckpoints.FORMAT + ":" + competition), Updates.set("marks", List.of("not a mark")));
        long head = ledger.head().position();
        StandingsTimeTravel fullFold = timeTravel();
        fullFold.events(competition);

        assertSameReplay(timeTravel().replay(competition, head), fullFold.replay(competition, head), head);
    }

    @Test
    void aRebuildFromZeroWritesTheSameCheckpointsAgain() throws Exception {
        recordRandomJudging(new Random(41));
        foldIntoTheBoard();
        List<JudgingCheckpoints.Mark> before = checkpoints.marks(competition);
        Map<JudgingCheckpoints.Mark, String> states = states(before);

        processor.prepareReset(null);
        assertThat(checkpoints.marks(competition)).as("forgotten by the reset").isEmpty();
        folded = 0;
        foldIntoTheBoard();

        assertThat(checkpoints.marks(competition)).containsExactlyElementsOf(before);
        assertThat(states(before)).isEqualTo(states);
    }

    private Map<JudgingCheckpoints.Mark, String> states(List<JudgingCheckpoints.Mark> marks) {
        Map<JudgingCheckpoints.Mark, String> states = new LinkedHashMap<>();
        marks.forEach(mark -> states.put(mark, new String(ViewSnapshots.serialize(checkpoints.load(competition, mark)
                .orElseThrow()))));
        return states;
    }

    private void assertSameReplay(StandingsTimeTravel.PastJudging actual, StandingsTimeTravel.PastJudging expected,
                                  long position) {
        assertThat(new String(ViewSnapshots.serialize(actual.record()))).as("record at %d", position)
                .isEqualTo(new String(ViewSnapshots.serialize(expected.record())));
        assertThat(actual.lastSequence()).as("last sequence at %d", position).isEqualTo(expected.lastSequence());
        assertThat(actual.position()).as("position at %d", position).isEqualTo(expected.position());
        for (String round : List.of("preliminary", "final")) {
            assertThat(actual.standings(round)).as("%s standings at %d", round, position)
                    .isEqualTo(expected.standings(round));
        }
    }

    /** A time travel as after a start: nothing in memory. */
    private StandingsTimeTravel timeTravel() {
        return new StandingsTimeTravel(ledger, SERIALIZER, board, new ReplayStarts(checkpoints));
    }

    /** The board's processor: every event since the last call, as Axon hands it over, then the writes awaited. */
    private void foldIntoTheBoard() throws Exception {
        try (Stream<StoredEvent> events = ledger.readFrom(folded + 1)) {
            for (StoredEvent event : (Iterable<StoredEvent>) events::iterator) {
                Object payload = SERIALIZER.deserialize(new SimpleSerializedObject<>(event.payload(), String.class,
                        new SimpleSerializedType(event.payloadType(), event.payloadRevision())));
                var message = new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(event.position()),
                        new GenericDomainEventMessage<>(event.aggregateType(), event.aggregateId(), event.sequence(),
                                payload));
                if (processor.canHandle(message)) {
                    processor.handle(message);
                }
                folded = event.position();
            }
        }
        writer.awaitStored();
    }

    /**
     * A random judging of two rounds over entries received before and during it; returns the position of its
     * first event.
     */
    private long recordRandomJudging(Random random) throws JsonProcessingException {
        List<Criterion> criteria = List.of(new Criterion("art", "Art", new BigDecimal("0.6"), BigDecimal.ZERO,
                BigDecimal.TEN), new Criterion("ai", "AI", new BigDecimal("0.4"), BigDecimal.ZERO, BigDecimal.TEN));
        List<String> entries = new ArrayList<>();
        for (int n = 0; n < 12; n++) {
            entries.add(receive(n));
        }
        long first = judging(new JudgingEstablished(competition, criteria,
                List.of(new AwardCategory("best", "Best film", false))));
        List<String> jurors = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            jurors.add("juror-" + j);
            judging(new JurorAppointed(competition, "juror-" + j, "Juror " + j, "hash-" + j));
        }
        judging(new JurorAccessIssued(competition, "juror-2", 2, "token-2b", "link-2b",
                Instant.parse("2026-05-01T00:00:00Z")));
        judge("preliminary", entries, jurors, AggregationMethod.ZSCORE_MEAN, criteria, random);
        List<String> shortlist = List.copyOf(entries.subList(0, 5));
        judging(new ShortlistDrawn(competition, "preliminary", ledger.head().position(), 5,
                shortlist.stream().map(entry -> new RankedEntry(shortlist.indexOf(entry) + 1, entry, BigDecimal.ONE,
                        true)).toList(), BigDecimal.ONE, List.of(), List.copyOf(shortlist), "the top five"));
        entries.add(receive(12)); // a late entry, received while the final is judged
        judge("final", shortlist, jurors, AggregationMethod.MEDIAN, criteria, random);
        judging(new AwardConferred(competition, "award-1", "best", shortlist.get(0), "For its nerve", 1));
        judging(new AwardConferred(competition, "award-2", "best", shortlist.get(1), "For its craft", 1));
        judging(new AwardRevoked(competition, "award-2", "best", shortlist.get(1), "a rights dispute"));
        judging(new EntryLeftContention(competition, shortlist.get(1), "withdrawn"));
        judging(new ResultsPublished(competition, Instant.parse("2026-04-30T12:00:00Z")));
        return first;
    }

    private void judge(String round, List<String> entries, List<String> jurors, AggregationMethod aggregation,
                       List<Criterion> criteria, Random random) throws JsonProcessingException {
        judging(new RoundOpened(competition, round, round, 3, aggregation, 2, EntrySource.ALL_ELIGIBLE,
                List.copyOf(entries), criteria));
        List<Assignment> assignments = new ArrayList<>();
        for (int n = 0; n < entries.size(); n++) {
            for (int k = 0; k < 3; k++) {
                assignments.add(new Assignment(jurors.get((n + k) % jurors.size()), entries.get(n)));
            }
        }
        judging(new JurorsAssigned(competition, round, assignments, true));
        Map<Assignment, Integer> revisions = new LinkedHashMap<>();
        for (int change = 0; change < 60; change++) {
            Assignment assignment = assignments.get(random.nextInt(assignments.size()));
            int choice = random.nextInt(20);
            Integer revision = revisions.get(assignment);
            if (revision == null) {
                judging(new ScoreRecorded(competition, round, assignment.jurorId(), assignment.submissionId(),
                        marks(criteria, random), "first look"));
                revisions.put(assignment, 0);
            } else if (choice < 12) {
                judging(new ScoreRevised(competition, round, assignment.jurorId(), assignment.submissionId(),
                        marks(criteria, random), "second look", "watched it again", revision + 1));
                revisions.put(assignment, revision + 1);
            } else if (choice < 15) {
                judging(new ScoreVoided(competition, round, assignment.jurorId(), assignment.submissionId(),
                        "conflict declared"));
                judging(new ConflictDeclared(competition, assignment.jurorId(), assignment.submissionId(), "a friend"));
            } else if (choice < 18) {
                judging(new AssignmentRemoved(competition, round, assignment.jurorId(), assignment.submissionId(),
                        "rebalanced"));
            } else if (choice < 19) {
                judging(new EntryDropped(competition, round, assignment.submissionId(), "withdrawn"));
            } else {
                receive(100 + change);
            }
        }
        judging(new RoundClosed(competition, round));
    }

    private static Map<String, BigDecimal> marks(List<Criterion> criteria, Random random) {
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        criteria.forEach(criterion -> marks.put(criterion.id(), BigDecimal.valueOf(random.nextInt(21), 1)));
        return marks;
    }

    private String receive(int n) throws JsonProcessingException {
        String id = competition + "-entry-" + n;
        append(id, "Submission", 0, new SubmissionReceived(id, competition, new Entry("Film " + n,
                List.of("Team " + n), "CN", 10, "About film " + n, new AiDisclosure(List.of("Runway"),
                AiWorkflow.HYBRID)), Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n % 5)));
        return id;
    }

    private long judging(Object event) throws JsonProcessingException {
        return append(stream, "Judging", judgingSequence++, event);
    }

    private long append(String aggregateId, String type, long sequence, Object payload)
            throws JsonProcessingException {
        Revision revision = payload.getClass().getAnnotation(Revision.class);
        return ledger.append(List.of(new PendingEvent(aggregateId, type, sequence, UUID.randomUUID().toString(),
                payload.getClass().getName(), revision == null ? null : revision.value(),
                PAYLOADS.writeValueAsString(payload), "{}", Instant.now())), List.of()).get(0).position();
    }

    @Test
    void aSmallHeapCheckpointsFiveTimesLessOftenUnlessConfigured() {
        assertThat(JudgingCheckpoints.defaultInterval(512L << 20)).isEqualTo(10_000);
        assertThat(JudgingCheckpoints.defaultInterval(1L << 30)).isEqualTo(2_000);
        assertThat(new JudgingCheckpoints(database, 300).every()).as("configured").isEqualTo(300);
        assertThat(new JudgingCheckpoints(database, null).every()).as("not configured")
                .isEqualTo(JudgingCheckpoints.defaultInterval(Runtime.getRuntime().maxMemory()));
    }
}
