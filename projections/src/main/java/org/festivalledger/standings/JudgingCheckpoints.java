package org.festivalledger.standings;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.festivalledger.view.ViewSnapshots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Time travel's checkpoints: the state of a competition's judging-only fold after every {@code every}-th event of
 * its judging stream, so that a replay to a position starts from the newest one at or below it and folds only the
 * few events after it (read by exact keys) instead of the whole stream.
 *
 * <p>A checkpoint is exactly what a fresh {@link JudgingRecord} holds after folding the judging stream up to that
 * event: no entry facts ({@code SubmissionReceived} is not a judging event; time travel takes them from the live
 * board) and the position of that event. Each is a deterministic state at a sequence of an immutable stream, so
 * whichever node writes it is right and a rewrite by another node changes nothing. The checkpoints of a
 * competition are listed, with their sequence and ledger position, in one document read by its key
 * ({@link ReplayStarts} chooses among them). A state is gzipped JSON stored by {@link ViewSnapshots}; its name
 * carries {@link #FORMAT}, so a checkpoint of an older shape of the record is never read (a replay then folds the
 * whole stream, and a rebuild from zero writes new ones).
 */
@Component
public class JudgingCheckpoints {

    /** The shape of the stored record; raise it when {@link JudgingRecord}'s fields change meaning. */
    static final String FORMAT = "1";
    private static final Logger log = LoggerFactory.getLogger(JudgingCheckpoints.class);
    private static final String STATES = "judging_checkpoints";
    private static final String CHUNKS = "judging_checkpoint_chunks";
    private static final String MARKS = "judging_checkpoint_marks";
    /** Where a checkpoint is: the sequence of its event in the judging stream and that event's ledger position. */
    public record Mark(long sequence, long position) {
    }

    private final int every;
    private final ViewSnapshots states;
    private final MongoCollection<Document> marks;
    private final MongoDatabase database;

    public JudgingCheckpoints(MongoDatabase database,
                              @Value("${ledger.time-travel.checkpoint-events:#{null}}") Integer every) {
        this.database = database;
        this.every = every != null ? every : defaultInterval(Runtime.getRuntime().maxMemory());
        this.states = new ViewSnapshots(database, STATES, CHUNKS);
        this.marks = database.getCollection(MARKS);
    }

    /**
     * Events between two checkpoints when none is configured: 2,000, or 10,000 on a heap under 768 MB. Each
     * checkpoint copies the competition's judging and writes it whole (up to 12 MB of JSON at festival scale): at
     * 512 MB that churn every 2,000 events kept the collector busy enough to slow the jury's final round by about
     * a third (docs/benchmarks.md). A replay there reads up to 10,000 events after its checkpoint instead of 2,000.
     */
    static int defaultInterval(long maxHeapBytes) {
        return maxHeapBytes < 768L * 1024 * 1024 ? 10_000 : 2_000;
    }

    /** Events of a judging stream between two checkpoints; 0 when there are none. */
    public int every() {
        return every;
    }

    /** Whether the state after the stream's event at {@code sequence} is a checkpoint. */
    public boolean due(long sequence) {
        return every > 0 && (sequence + 1) % every == 0;
    }

    /**
     * A judging-only state ({@link JudgingRecord#copyWithoutEntryFacts}) as JSON: call it while the record cannot
     * change.
     */
    public static byte[] serialize(JudgingRecord judgingOnly) {
        return ViewSnapshots.serialize(judgingOnly);
    }

    /** Stores a state (compressing it) and then lists it, so a listed checkpoint is always complete. */
    public void save(String competitionId, Mark mark, byte[] json) {
        states.save(name(competitionId, mark.sequence()), mark.position(), json);
        marks.updateOne(Filters.eq("_id", FORMAT + ":" + competitionId), Updates.addToSet("marks",
                        new Document("sequence", mark.sequence()).append("position", mark.position())),
                new UpdateOptions().upsert(true));
    }

    /** The competition's checkpoints, oldest first. */
    public List<Mark> marks(String competitionId) {
        Document listed = marks.find(Filters.eq("_id", FORMAT + ":" + competitionId)).first();
        if (listed == null) {
            return List.of();
        }
        return listed.getList("marks", Document.class).stream()
                .map(mark -> new Mark(mark.getLong("sequence"), mark.getLong("position")))
                .sorted(Comparator.comparingLong(Mark::sequence)).toList();
    }

    /** Every competition that has checkpoints. */
    public List<String> competitions() {
        List<String> competitions = new ArrayList<>();
        for (Document listed : marks.find().projection(new Document("_id", 1))) {
            String id = listed.getString("_id");
            if (id.startsWith(FORMAT + ":")) {
                competitions.add(id.substring(FORMAT.length() + 1));
            }
        }
        return competitions;
    }

    /** The state at a checkpoint, if it is complete, of this shape and of this competition and position. */
    public Optional<JudgingRecord> load(String competitionId, Mark mark) {
        try {
            return states.load(name(competitionId, mark.sequence()), JudgingRecord.class)
                    .filter(state -> state.position() == mark.position())
                    .map(ViewSnapshots.Snapshot::view)
                    .filter(record -> competitionId.equals(record.competitionId())
                            && record.position() == mark.position());
        } catch (RuntimeException e) {
            log.warn("Time travel checkpoint {} of {} unreadable; folding the whole stream", mark, competitionId, e);
            return Optional.empty();
        }
    }

    /** Forgets every checkpoint: the first step of a rebuild from zero, which writes them again. */
    public void clear() {
        for (String collection : List.of(MARKS, STATES, CHUNKS)) {
            database.getCollection(collection).deleteMany(new Document());
        }
    }

    private static String name(String competitionId, long sequence) {
        return FORMAT + ":" + competitionId + "@" + sequence;
    }
}
