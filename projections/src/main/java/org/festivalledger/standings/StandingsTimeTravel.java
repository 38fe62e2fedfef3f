package org.festivalledger.standings;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Standings as they were at a past ledger position (or instant): the competition's judging events up to
 * that position are replayed into a fresh {@link JudgingRecord} — the same fold the live board uses —
 * and ranked by the same calculator. Judging events all live in one aggregate stream, so the replay
 * reads only this competition's judging.
 *
 * <p>A replay folds the competition's judging stream held in memory once something read it all (the events and
 * a calibration need every event). Until then it starts from the newest persisted checkpoint of the fold at or
 * below the position ({@link ReplayStarts}) and folds only the events after it, read by exact keys: the first
 * replay after a start reads a checkpoint and at most a few thousand events instead of the whole stream, and gives
 * the same state.
 */
@Component
public class StandingsTimeTravel {

    private static final Logger log = LoggerFactory.getLogger(StandingsTimeTravel.class);
    /** A replay from a checkpoint slower than this is logged with where its time went. */
    private static final Duration SLOW = Duration.ofMillis(500);
    private static final int CACHED_COMPETITIONS = 4;
    private static final long SCAN_THRESHOLD = 5_000;

    private final LedgerLog ledger;
    private final Serializer serializer;
    private final JudgingBoard board;
    private final ReplayStarts starts;
    // Competition → its judging stream in memory; access-ordered so the least recently travelled is dropped.
    private final Map<String, History> histories = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, History> eldest) {
            return size() > CACHED_COMPETITIONS;
        }
    };

    public StandingsTimeTravel(LedgerLog ledger, @Qualifier("eventSerializer") Serializer serializer,
                               JudgingBoard board, ReplayStarts starts) {
        this.ledger = ledger;
        this.serializer = serializer;
        this.board = board;
        this.starts = starts;
    }

    /**
     * A competition's judging replayed up to a position, the sequence of its last event there, and the facts of
     * its entries. The judging stream holds no {@code SubmissionReceived}: titles and receipt times never change
     * once recorded, so the live board's are those of any past moment.
     */
    public record PastJudging(JudgingRecord record, long position, Long lastSequence, EntryFacts entryFacts) {

        /** The standings of one of its rounds, as of its position. */
        public Optional<Standings> standings(String roundId) {
            return RoundStandings.of(record, roundId, entryFacts).map(round -> round.standings(position));
        }

        /** What ranking one of its rounds needs (for rankings of some of its scores only). */
        public Optional<RoundStandings> round(String roundId) {
            return RoundStandings.of(record, roundId, entryFacts);
        }
    }

    /** Replays the competition's judging stream up to {@code position} (inclusive) into a fresh record. */
    public PastJudging replay(String competitionId, long position) {
        if (!inMemory(competitionId)) {
            Optional<PastJudging> fromCheckpoint = fromCheckpoint(competitionId, position);
            if (fromCheckpoint.isPresent()) {
                return fromCheckpoint.get();
            }
        }
        return replay(competitionId, position, event -> {
        });
    }

    /**
     * Replays as {@link #replay(String, long)} does, but always the whole stream (read into memory once), handing
     * each event to {@code alsoSee} once folded (a calibration counts revisions on the way).
     */
    public PastJudging replay(String competitionId, long position, Consumer<PastEvent> alsoSee) {
        JudgingRecord record = new JudgingRecord(competitionId);
        Long lastSequence = null;
        for (PastEvent event : history(competitionId)) {
            if (event.position() > position) {
                break;
            }
            record.apply(event.payload(), event.position());
            alsoSee.accept(event);
            lastSequence = event.sequence();
        }
        return new PastJudging(record, Math.min(position, ledger.head().position()), lastSequence,
                board.entryFacts(competitionId));
    }

    /**
     * The replay from the newest checkpoint at or below {@code position}, if one can be read and the events to fold
     * after it are few enough to read by exact keys (reading more that way is slower than scanning the log, which
     * the full fold does).
     */
    private Optional<PastJudging> fromCheckpoint(String competitionId, long position) {
        if (starts.every() <= 0) {
            return Optional.empty();
        }
        long began = System.nanoTime();
        String stream = JudgingId.of(competitionId);
        Optional<ReplayStarts.Start> found = starts.startFor(competitionId, position);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ReplayStarts.Start start = found.get();
        long until = start.nextCheckpoint() != null ? start.nextCheckpoint()
                : ledger.lastSequence(stream).orElse(-1L);
        if (until - start.sequence() > Math.max(SCAN_THRESHOLD, starts.every())) {
            return Optional.empty();
        }
        long started = System.nanoTime();
        JudgingRecord record = start.record();
        Long lastSequence = start.sequence() < 0 ? null : start.sequence();
        try (var events = ledger.readStream(stream, start.sequence() + 1)) {
            for (Iterator<StoredEvent> next = events.iterator(); next.hasNext(); ) {
                StoredEvent event = next.next();
                if (event.position() > position) {
                    break;
                }
                record.apply(payload(event), event.position());
                lastSequence = event.sequence();
            }
        }
        long folded = System.nanoTime();
        if (folded - began > SLOW.toNanos()) {
            log.info("Time travel replay of {} to {} from the checkpoint at sequence {}: {} ms to its start, {} ms for "
                            + "the {} events after it", competitionId, position, start.sequence(),
                    (started - began) / 1_000_000, (folded - started) / 1_000_000,
                    lastSequence == null ? 0 : lastSequence - start.sequence());
        }
        return Optional.of(new PastJudging(record, Math.min(position, ledger.head().position()), lastSequence,
                board.entryFacts(competitionId)));
    }

    private boolean inMemory(String competitionId) {
        synchronized (histories) {
            History history = histories.get(competitionId);
            return history != null && history.loaded;
        }
    }

    /**
     * The competition's judging stream up to now, oldest first: where time travel can step to (the positions at
     * which the judging changed) and what changed there.
     */
    public List<PastEvent> events(String competitionId) {
        return history(competitionId);
    }

    /** One event of a judging stream, deserialised. */
    public record PastEvent(long position, long sequence, Object payload) {
    }

    /**
     * The competition's judging stream, deserialised and kept in memory once read, and extended with what was
     * recorded since on every use: a replay then folds objects instead of reading and decoding the store again.
     * The first read of a long stream scans the log in position order (range reads, which the embedded store
     * serves far faster than the stream's exact keys); a few competitions are kept, the least recently used go.
     */
    private List<PastEvent> history(String competitionId) {
        History history;
        synchronized (histories) {
            history = histories.computeIfAbsent(competitionId, id -> new History());
        }
        synchronized (history) {
            String stream = JudgingId.of(competitionId);
            if (history.events.isEmpty() && ledger.lastSequence(stream).orElse(-1L) >= SCAN_THRESHOLD) {
                try (var events = ledger.readFrom(1, LedgerLog.DEFAULT_CHUNK)) {
                    events.filter(event -> stream.equals(event.aggregateId())).forEach(history::add);
                }
            }
            try (var events = ledger.readStream(stream, history.nextSequence())) {
                events.forEach(history::add);
            }
            history.loaded = true;
            return List.copyOf(history.events);
        }
    }

    private final class History {
        private final List<PastEvent> events = new ArrayList<>();
        /** Set once the whole stream was read (for the events or a calibration); replays before that use checkpoints. */
        private volatile boolean loaded;

        long nextSequence() {
            return events.isEmpty() ? 0 : events.get(events.size() - 1).sequence() + 1;
        }

        void add(StoredEvent event) {
            if (event.sequence() == nextSequence()) {
                events.add(new PastEvent(event.position(), event.sequence(), payload(event)));
            }
        }
    }

    public Optional<Standings> at(String competitionId, String roundId, long position) {
        return replay(competitionId, position).standings(roundId);
    }

    public Optional<Standings> asOf(String competitionId, String roundId, Instant instant) {
        return at(competitionId, roundId, ledger.positionAt(instant));
    }

    private Object payload(StoredEvent event) {
        SerializedType type = new SimpleSerializedType(event.payloadType(), event.payloadRevision());
        return serializer.deserialize(new SimpleSerializedObject<>(event.payload(), String.class, type));
    }
}
