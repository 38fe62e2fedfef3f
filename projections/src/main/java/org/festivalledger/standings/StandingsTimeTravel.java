package org.festivalledger.standings;

import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Standings as they were at a past ledger position (or instant): the competition's judging events up to
 * that position are replayed into a fresh {@link JudgingRecord} — the same fold the live board uses —
 * and ranked by the same calculator. Judging events all live in one aggregate stream, so the replay
 * reads only this competition's judging, by exact keys.
 */
@Component
public class StandingsTimeTravel {

    private static final int CACHED_COMPETITIONS = 4;
    private static final long SCAN_THRESHOLD = 5_000;

    private final LedgerLog ledger;
    private final Serializer serializer;
    private final JudgingBoard board;
    // Competition → its judging stream in memory; access-ordered so the least recently travelled is dropped.
    private final Map<String, History> histories = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, History> eldest) {
            return size() > CACHED_COMPETITIONS;
        }
    };

    public StandingsTimeTravel(LedgerLog ledger, @Qualifier("eventSerializer") Serializer serializer,
                               JudgingBoard board) {
        this.ledger = ledger;
        this.serializer = serializer;
        this.board = board;
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
        return replay(competitionId, position, event -> {
        });
    }

    /**
     * Replays as {@link #replay(String, long)} does, handing each event to {@code alsoSee} once folded (a
     * calibration counts revisions on the way).
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
            return List.copyOf(history.events);
        }
    }

    private final class History {
        private final List<PastEvent> events = new ArrayList<>();

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
