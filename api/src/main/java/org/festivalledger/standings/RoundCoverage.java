package org.festivalledger.standings;

import org.festivalledger.round.Assignment;
import org.festivalledger.submission.SubmissionRegister;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far a round's judging has come, for the organiser: per entry, who is assigned and how many of the scores it
 * needs it has; per juror, how many entries they judge and how many they have scored. Also the loads an automatic
 * assignment would leave, from the assignments it would draw.
 */
@Component
class RoundCoverage {

    private final JudgingBoard board;
    private final SubmissionRegister register;

    RoundCoverage(JudgingBoard board, SubmissionRegister register) {
        this.board = board;
        this.register = register;
    }

    /** One entry: its jurors (by name), the scores counted and the scores it needs. */
    public record EntryCoverage(String submissionId, String title, List<String> jurors, int scores, int needed) {

        public boolean complete() {
            return scores >= needed;
        }
    }

    /** One juror: the entries they judge in the round and how many of them they have scored. */
    public record JurorLoad(String jurorId, String name, int load, int done) {
    }

    /** The round's coverage now. */
    public record Coverage(List<EntryCoverage> entries, List<JurorLoad> jurors) {
    }

    /** A juror's load now, what a draw adds to it, and the total it leaves. */
    public record LoadChange(String jurorId, String name, int now, int added) {

        public int after() {
            return now + added;
        }
    }

    Optional<Coverage> of(String competitionId, String roundId) {
        return board.read(competitionId, record -> record.round(roundId).map(round -> {
            Map<String, Long> scores = round.countingScores().stream()
                    .collect(Collectors.groupingBy(JurorScore::submissionId, Collectors.counting()));
            Map<String, Long> done = round.countingScores().stream()
                    .collect(Collectors.groupingBy(JurorScore::jurorId, Collectors.counting()));
            Function<String, String> nameOf = jurorId -> record.juror(jurorId).map(JudgingRecord.Juror::name)
                    .orElse(jurorId);
            List<EntryCoverage> entries = round.activeEntries().stream().map(entry -> new EntryCoverage(entry,
                    entry, round.jurorsOf(entry).stream().map(nameOf).sorted().toList(),
                    scores.getOrDefault(entry, 0L).intValue(), round.minScoresPerEntry())).toList();
            List<JurorLoad> jurors = record.jurors().stream().map(juror -> new JurorLoad(juror.jurorId(),
                    juror.name(), round.entriesOf(juror.jurorId()).size(),
                    done.getOrDefault(juror.jurorId(), 0L).intValue())).toList();
            return new Coverage(entries, jurors);
        }).orElse(null)).map(this::withTitles);
    }

    /** Each juror's load now and after the assignments {@code drawn} were added, in order of appointment. */
    List<LoadChange> after(Coverage coverage, List<Assignment> drawn) {
        Map<String, Long> added = drawn.stream().collect(Collectors.groupingBy(Assignment::jurorId,
                Collectors.counting()));
        return coverage.jurors().stream().map(juror -> new LoadChange(juror.jurorId(), juror.name(), juror.load(),
                added.getOrDefault(juror.jurorId(), 0L).intValue())).toList();
    }

    // Titles come from the register, read outside the board's lock.
    private Coverage withTitles(Coverage coverage) {
        return new Coverage(coverage.entries().stream().map(entry -> new EntryCoverage(entry.submissionId(),
                register.find(entry.submissionId()).map(view -> view.title()).orElse(entry.submissionId()),
                entry.jurors(), entry.scores(), entry.needed())).toList(), coverage.jurors());
    }
}
