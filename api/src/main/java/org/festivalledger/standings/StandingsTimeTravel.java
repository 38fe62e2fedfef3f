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

    StandingsTimeTravel(LedgerLog ledger, @Qualifier("eventSerializer") Serializer serializer, JudgingBoard board) {
        this.ledger = ledger;
        this.serializer = serializer;
        this.board = board;
    }

    /** A competition's judging replayed up to a position, and the sequence of its last event there. */
    public record PastJudging(JudgingRecord record, long position, Long lastSequence) {
    }

    /** Replays the competition's judging stream up to {@code position} (inclusive) into a fresh record. */
    public PastJudging replay(String competitionId, long position) {
        JudgingRecord record = new JudgingRecord(competitionId);
        long[] lastSequence = {-1};
        forEachEvent(competitionId, position, event -> {
            record.apply(event.payload(), event.position());
            lastSequence[0] = event.sequence();
        });
        return new PastJudging(record, Math.min(position, ledger.head().position()),
                lastSequence[0] < 0 ? null : lastSequence[0]);
    }

    /** One event of a judging stream, deserialised. */
    public record PastEvent(long position, long sequence, Object payload) {
    }

    /** Hands each event of the competition's judging stream up to {@code position} to {@code action}, in order. */
    public void forEachEvent(String competitionId, long position, Consumer<PastEvent> action) {
        List<PastEvent> events = history(competitionId);
        for (PastEvent event : events) {
            if (event.position() > position) {
                break;
            }
            action.accept(event);
        }
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
        PastJudging past = replay(competitionId, position);
        return rank(past, roundId);
    }

    /** The standings of one round of a replayed judging, ranked by the live calculator. */
    public Optional<Standings> rank(PastJudging past, String roundId) {
        JudgingRecord.Round round = past.record().rounds.get(roundId);
        if (round == null) {
            return Optional.empty();
        }
        // Titles and receipt times never change once recorded: the live board's are those of any past moment.
        Map<String, EntryInfo> known = board.read(past.record().competitionId, live -> Map.copyOf(live.entries))
                .orElse(Map.of());
        List<EntryInfo> entries = past.record().entryInfo(round, known);
        List<StandingRow> rows = StandingsCalculator.rank(round.rules(), entries, round.countingScores());
        int complete = (int) rows.stream().filter(StandingRow::complete).count();
        return Optional.of(new Standings(past.record().competitionId, roundId, round.name, round.open,
                round.aggregation, round.minScoresPerEntry, past.position(), rows.size(), complete, rows));
    }

    public Optional<Standings> asOf(String competitionId, String roundId, Instant instant) {
        return at(competitionId, roundId, ledger.positionAt(instant));
    }

    private Object payload(StoredEvent event) {
        SerializedType type = new SimpleSerializedType(event.payloadType(), event.payloadRevision());
        return serializer.deserialize(new SimpleSerializedObject<>(event.payload(), String.class, type));
    }
}
