package org.festivalledger.round;

import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.springframework.stereotype.Component;

import java.util.List;

/** A competition's rounds as the organiser's pages list them, in the order they were opened. */
@Component
public class RoundSummaries {

    private final JudgingBoard board;

    RoundSummaries(JudgingBoard board) {
        this.board = board;
    }

    /** One round: its rules and how far its judging has come. */
    public record RoundSummary(String roundId, String name, boolean open, AggregationMethod aggregation,
                               int jurorsPerEntry, int minScoresPerEntry, String entrySource, int entries,
                               int assignments, int scores) {
    }

    public List<RoundSummary> of(String competitionId) {
        return board.read(competitionId, record -> record.rounds().stream().map(RoundSummaries::summary).toList())
                .orElse(List.of());
    }

    private static RoundSummary summary(JudgingRecord.Round round) {
        return new RoundSummary(round.roundId(), round.name(), round.isOpen(), round.aggregation(),
                round.jurorsPerEntry(), round.minScoresPerEntry(), round.entrySource(), round.activeEntries().size(),
                round.assignmentCount(), round.countingScores().size());
    }
}
