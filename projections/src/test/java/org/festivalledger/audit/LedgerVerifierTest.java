package org.festivalledger.audit;

import org.festivalledger.audit.Verification.Kind;
import org.festivalledger.audit.Verification.Problem;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.CompetitionAnnounced;
import org.festivalledger.competition.Criterion;
import org.festivalledger.competition.SubmissionRules;
import org.festivalledger.judging.EntryLeftContention;
import org.festivalledger.judging.JudgingEstablished;
import org.festivalledger.judging.JudgingId;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.shortlist.OverrideAction;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.shortlist.ShortlistOverride;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionReceived;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The verifier on ledgers built in memory: a competition judged by the rules verifies; each way a log or a
 * decision can be wrong is named, at the position where it is found.
 */
class LedgerVerifierTest {

    private static final String C = "aigc-2026";
    private static final String ROUND = "preliminary";
    private static final List<Criterion> CRITERIA = List.of(
            new Criterion("art", "Artistic impact", new BigDecimal("2"), BigDecimal.ZERO, BigDecimal.TEN),
            new Criterion("ai", "Innovative use of AI", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.TEN));
    private static final List<String> ENTRIES = List.of("e1", "e2", "e3", "e4");

    @TempDir
    Path directory;

    private final ChainedLog log = new ChainedLog();

    /**
     * Four entries scored by two jurors in a closed round: e1 gets 6, e2 9, e3 {@code e3}, e4 8 from both. Returns
     * the position the decisions rest on (the round's close).
     */
    private long judged(int e3) {
        log.append(C, "Competition", new CompetitionAnnounced(C, "AIGC Short Film Unit", "2026", CRITERIA,
                new SubmissionRules(Instant.parse("2026-03-01T00:00:00Z"), 30),
                List.of(new AwardCategory("best-film", "Best AIGC Short Film", false))));
        judging(new JudgingEstablished(C, CRITERIA, List.of(new AwardCategory("best-film", "Best film", false))));
        for (int i = 0; i < ENTRIES.size(); i++) {
            String id = ENTRIES.get(i);
            log.append(id, "Submission", new SubmissionReceived(id, C, new Entry("Film " + id, List.of("Team"), "FR", 10,
                    "About " + id, new AiDisclosure(List.of("Runway"), AiWorkflow.HYBRID)),
                    Instant.parse("2026-02-01T00:00:00Z").plusSeconds(i)));
        }
        judging(new JurorAppointed(C, "j1", "Juror 1", "hash-1"));
        judging(new JurorAppointed(C, "j2", "Juror 2", "hash-2"));
        judging(new RoundOpened(C, ROUND, "Preliminary", 2, AggregationMethod.MEAN, 2, EntrySource.ALL_ELIGIBLE,
                ENTRIES, CRITERIA));
        List<Assignment> assignments = new ArrayList<>();
        for (String entry : ENTRIES) {
            assignments.add(new Assignment("j1", entry));
            assignments.add(new Assignment("j2", entry));
        }
        judging(new JurorsAssigned(C, ROUND, assignments, true));
        int[] quality = {6, 9, e3, 8};
        for (String juror : List.of("j1", "j2")) {
            for (int i = 0; i < ENTRIES.size(); i++) {
                score(juror, ENTRIES.get(i), quality[i]);
            }
        }
        return judging(new RoundClosed(C, ROUND));
    }

    private long judging(Object event) {
        return log.append(JudgingId.of(C), "Judging", event);
    }

    private long score(String juror, String entry, int mark) {
        return judging(new ScoreRecorded(C, ROUND, juror, entry,
                Map.of("art", BigDecimal.valueOf(mark), "ai", BigDecimal.valueOf(mark)), "seen"));
    }

    private static RankedEntry row(int rank, String entry, String score) {
        return new RankedEntry(rank, entry, new BigDecimal(score), true);
    }

    private long shortlist(long basedOn, List<RankedEntry> ranked, String cutOff, List<ShortlistOverride> overrides,
                           List<String> list) {
        return judging(new ShortlistDrawn(C, ROUND, basedOn, ranked.size(), ranked, new BigDecimal(cutOff), overrides,
                list, "the strongest films"));
    }

    private Verification verify() throws IOException {
        return LedgerVerifier.verify(ChainedLog.log(log.events()));
    }

    @Test
    void aCompetitionJudgedByTheRulesVerifies() throws IOException {
        long closed = judged(7);
        shortlist(closed, List.of(row(1, "e2", "9.0000"), row(2, "e4", "8.0000")), "8.0000", List.of(),
                List.of("e2", "e4"));
        judging(new AwardConferred(C, "award-1", "best-film", "e2", "For its daring", log.head()));

        Verification verification = verify();

        assertThat(verification.problems()).isEmpty();
        assertThat(verification.ok()).isTrue();
        assertThat(verification.checked()).isEqualTo(log.head());
        assertThat(verification.shortlists()).isEqualTo(1);
        assertThat(verification.awards()).isEqualTo(1);
        assertThat(verification.headHash()).isEqualTo(log.events().get(log.events().size() - 1).hash());
    }

    @Test
    void aShortlistThatDoesNotFollowFromTheStandingsIsNamedAtItsPosition() throws IOException {
        long closed = judged(7);
        long drawn = shortlist(closed, List.of(row(1, "e4", "9.0000"), row(2, "e2", "8.0000")), "8.0000", List.of(),
                List.of("e4", "e2"));

        Verification verification = verify();

        assertThat(verification.ok()).isFalse();
        assertThat(verification.problems()).isNotEmpty().allSatisfy(problem -> {
            assertThat(problem.position()).isEqualTo(drawn);
            assertThat(problem.kind()).isEqualTo(Kind.SHORTLIST);
        });
        assertThat(verification.problems().get(0).message()).contains("row 1 records e4").contains("give e2");
    }

    @Test
    void aShortlistRestsOnTheStandingsAtItsPositionNotOnWhatCameLater() throws IOException {
        long closed = judged(7);
        shortlist(closed, List.of(row(1, "e2", "9.0000"), row(2, "e4", "8.0000")), "8.0000", List.of(),
                List.of("e2", "e4"));
        // A score voided later changes today's standings, not the ones the decision rested on.
        judging(new ScoreVoided(C, ROUND, "j1", "e2", "conflict found later"));
        judging(new ScoreVoided(C, ROUND, "j2", "e2", "conflict found later"));

        assertThat(verify().problems()).isEmpty();
    }

    @Test
    void aShortlistRestingOnAPositionBeforeTheLastScoresDoesNotFollow() throws IOException {
        long closed = judged(7);
        // Position 'closed - 2' is before the last two scores (j2's for e3 and e4) were recorded.
        long drawn = shortlist(closed - 2, List.of(row(1, "e2", "9.0000"), row(2, "e4", "8.0000")), "8.0000",
                List.of(), List.of("e2", "e4"));

        List<Problem> problems = verify().problems();

        assertThat(problems).extracting(Problem::position).containsOnly(drawn);
        assertThat(problems.get(0).message()).contains("still open");
    }

    @Test
    void aTieAcrossTheCutOffThatNoOverrideDecidedIsAProblem() throws IOException {
        // e3 and e4 both score 8 (e3, received first, ranks above): a shortlist of two cuts between them.
        long closed = judged(8);
        long drawn = shortlist(closed, List.of(row(1, "e2", "9.0000"), row(2, "e3", "8.0000")), "8.0000",
                List.of(), List.of("e2", "e3"));

        List<Problem> problems = verify().problems();

        assertThat(problems).extracting(Problem::position, Problem::kind).containsExactly(tuple(drawn, Kind.SHORTLIST));
        assertThat(problems.get(0).message()).contains("tie across the cut-off at score 8.0000 between [e3] and [e4]");
    }

    @Test
    void anOverrideWithoutAReasonIsAProblem() throws IOException {
        long closed = judged(8);
        long drawn = shortlist(closed, List.of(row(1, "e2", "9.0000"), row(2, "e3", "8.0000")), "8.0000",
                List.of(new ShortlistOverride("e4", OverrideAction.EXCLUDE, " ")), List.of("e2", "e3"));

        List<Problem> problems = verify().problems();

        assertThat(problems).extracting(Problem::position).containsExactly(drawn);
        assertThat(problems.get(0).message()).contains("EXCLUDE e4 gives no reason");
    }

    @Test
    void anOverrideDecidingTheTieMakesTheShortlistFollow() throws IOException {
        long closed = judged(8);
        shortlist(closed, List.of(row(1, "e2", "9.0000"), row(2, "e3", "8.0000")), "8.0000",
                List.of(new ShortlistOverride("e4", OverrideAction.INCLUDE, "strongest use of AI")),
                List.of("e2", "e3", "e4"));

        assertThat(verify().problems()).isEmpty();
    }

    @Test
    void anAwardMustGoToAJudgedEntryStillInContentionInAnAnnouncedCategory() throws IOException {
        judged(7);
        judging(new EntryLeftContention(C, "e4", "withdrawn by the entrant"));
        long withdrawn = judging(new AwardConferred(C, "award-1", "best-film", "e4", "For its daring", log.head()));
        long unknownCategory = judging(new AwardConferred(C, "award-2", "best-sound", "e2", "Sound", log.head()));
        long notJudged = judging(new AwardConferred(C, "award-3", "best-film", "e9", "Who?", log.head()));
        long beforeItsTime = judging(new AwardConferred(C, "award-4", "best-film", "e2", "Early", 3));

        List<Problem> problems = verify().problems();

        assertThat(problems).allSatisfy(problem -> assertThat(problem.kind()).isEqualTo(Kind.AWARD));
        assertThat(problems).extracting(Problem::position)
                .containsExactly(withdrawn, unknownCategory, notJudged, beforeItsTime);
        assertThat(problems.get(0).message()).contains("had left the competition").contains("withdrawn by the entrant");
        assertThat(problems.get(1).message()).contains("category had not been announced");
        assertThat(problems.get(2).message()).contains("not been judged in any round");
        assertThat(problems.get(3).message()).contains("not been judged in any round at position 3");
    }

    @Test
    void anEditedEventIsNamedAtItsPositionAndOnlyThere() throws IOException {
        judged(7);
        List<StoredEvent> events = new ArrayList<>(log.events());
        StoredEvent score = events.get(10); // juror j1's 6 for e1
        assertThat(score.payloadType()).endsWith("ScoreRecorded");
        events.set(10, ChainedLog.withPayload(score, score.payload().replace("\"art\":6", "\"art\":10")));

        Verification verification = LedgerVerifier.verify(ChainedLog.log(events));

        assertThat(verification.problems()).extracting(Problem::position, Problem::kind)
                .containsExactly(tuple(score.position(), Kind.HASH));
    }

    @Test
    void anExportFileRoundTripsAndAnUnreadableLineIsNamed() throws IOException {
        judged(7);
        Path export = ChainedLog.write(log.events(), directory.resolve("ledger.jsonl"));
        assertThat(LedgerVerifier.verify(export).problems()).isEmpty();
        assertThat(Files.readAllLines(export).get(0)).startsWith("{\"position\":1,\"aggregateId\":\"" + C + "\"");

        List<String> lines = new ArrayList<>(Files.readAllLines(export));
        lines.set(4, lines.get(4).substring(0, 40));
        Files.write(export, lines);

        List<Problem> problems = LedgerVerifier.verify(export).problems();
        assertThat(problems).extracting(Problem::position, Problem::kind)
                .startsWith(tuple(5L, Kind.UNREADABLE), tuple(5L, Kind.GAP));
        assertThat(problems).extracting(Problem::message).anyMatch(message -> message.startsWith("line 5: "));
    }
}
