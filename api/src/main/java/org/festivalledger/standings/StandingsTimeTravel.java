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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Standings as they were at a past ledger position (or instant): the competition's judging events up to
 * that position are replayed into a fresh {@link JudgingRecord} — the same fold the live board uses —
 * and ranked by the same calculator. Judging events all live in one aggregate stream, so the replay
 * reads only this competition's judging, by exact keys.
 */
@Component
public class StandingsTimeTravel {

    private final LedgerLog ledger;
    private final Serializer serializer;
    private final JudgingBoard board;

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
        forEachEvent(competitionId, position, (event, stored) -> {
            record.apply(event, stored.position());
            lastSequence[0] = stored.sequence();
        });
        return new PastJudging(record, Math.min(position, ledger.head().position()),
                lastSequence[0] < 0 ? null : lastSequence[0]);
    }

    /** Hands each event of the competition's judging stream up to {@code position} to {@code action}, in order. */
    public void forEachEvent(String competitionId, long position, BiConsumer<Object, StoredEvent> action) {
        try (var events = ledger.readStream(JudgingId.of(competitionId), 0)) {
            events.takeWhile(event -> event.position() <= position)
                    .forEach(event -> action.accept(payload(event), event));
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
