package org.festivalledger.judging;

import org.festivalledger.competition.AwardCategory;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.ShortlistDrawn;

import org.festivalledger.competition.Criterion;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.round.AggregationMethod;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.EntrySource;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.scoring.ScoreRecorded;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The history a judging test starts from, told step by step: the AIGC unit's judging, judged on three criteria
 * marked from 0 to 10. Each test adds only the steps its rule is about.
 */
final class JudgingHistory {

    static final String COMPETITION = "bjiff-aigc-2026";
    static final Criterion ARTISTIC_IMPACT = criterion("artistic-impact", "3");
    static final Criterion THEMATIC_EXPRESSION = criterion("thematic-expression", "3");
    static final Criterion INNOVATIVE_AI = criterion("innovative-ai", "4");
    static final List<Criterion> CRITERIA = List.of(ARTISTIC_IMPACT, THEMATIC_EXPRESSION, INNOVATIVE_AI);
    static final String CONFLICT_REASON = "Edited the film";
    static final AwardCategory BEST_FILM = new AwardCategory("best-film", "Best AIGC Short Film", false);
    static final AwardCategory JURY_PRIZE = new AwardCategory("jury-prize", "Special Jury Prize", true);
    static final List<AwardCategory> CATEGORIES = List.of(BEST_FILM, JURY_PRIZE);

    private final List<Object> events = new ArrayList<>();

    private JudgingHistory() {
        events.add(new JudgingEstablished(COMPETITION, CRITERIA, CATEGORIES));
    }

    /** A judging just established, with no juror and no round yet. */
    static JudgingHistory aJudging() {
        return new JudgingHistory();
    }

    JudgingHistory withJurors(String... jurorIds) {
        Arrays.stream(jurorIds).forEach(id -> events.add(appointed(id)));
        return this;
    }

    JudgingHistory withJurors(List<String> jurorIds) {
        return withJurors(jurorIds.toArray(String[]::new));
    }

    /** An open round of all eligible entries, three jurors each, two scores needed. */
    JudgingHistory withRound(String roundId, String... entries) {
        return withRound(roundId, 3, List.of(entries));
    }

    JudgingHistory withRound(String roundId, int jurorsPerEntry, List<String> entries) {
        events.add(opened(roundId, jurorsPerEntry, entries));
        return this;
    }

    JudgingHistory withConflict(String jurorId, String submissionId) {
        events.add(new ConflictDeclared(COMPETITION, jurorId, submissionId, CONFLICT_REASON));
        return this;
    }

    /** Assignments made by hand, as an organiser would. */
    JudgingHistory withAssignment(String roundId, String jurorId, String... entries) {
        events.add(new JurorsAssigned(COMPETITION, roundId,
                Arrays.stream(entries).map(entry -> new Assignment(jurorId, entry)).toList(), false));
        return this;
    }

    JudgingHistory withScore(String roundId, String jurorId, String submissionId) {
        events.add(new ScoreRecorded(COMPETITION, roundId, jurorId, submissionId, marks(7, 8, 9), "Bold and moving"));
        return this;
    }

    JudgingHistory withDropped(String roundId, String submissionId) {
        events.add(new EntryDropped(COMPETITION, roundId, submissionId, "withdrawn: entrant's request"));
        return this;
    }

    JudgingHistory withClosed(String roundId) {
        events.add(new RoundClosed(COMPETITION, roundId));
        return this;
    }

    /** A shortlist drawn by hand-picked entries, for tests about what follows a shortlist. */
    JudgingHistory withShortlist(String roundId, String... entries) {
        List<RankedEntry> ranked = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            ranked.add(new RankedEntry(i + 1, entries[i], BigDecimal.valueOf(9 - i), true));
        }
        events.add(new ShortlistDrawn(COMPETITION, roundId, 100, entries.length, ranked,
                ranked.get(ranked.size() - 1).score(), List.of(), List.of(entries), "the best of the round"));
        return this;
    }

    JudgingHistory withLeftContention(String submissionId, String reason) {
        events.add(new EntryLeftContention(COMPETITION, submissionId, reason));
        return this;
    }

    /** Adds any other event, for the rare test whose step has no name here. */
    JudgingHistory with(Object event) {
        events.add(event);
        return this;
    }

    List<Object> events() {
        return List.copyOf(events);
    }

    static JurorAppointed appointed(String jurorId) {
        return new JurorAppointed(COMPETITION, jurorId, "Juror " + jurorId, "sha256-of-" + jurorId + "-token");
    }

    static RoundOpened opened(String roundId, int jurorsPerEntry, List<String> entries) {
        return new RoundOpened(COMPETITION, roundId, roundId + " round", jurorsPerEntry, AggregationMethod.MEAN,
                Math.min(2, jurorsPerEntry), EntrySource.ALL_ELIGIBLE, entries, CRITERIA);
    }

    /** Marks for artistic impact, thematic expression and innovative use of AI, in that order. */
    static Map<String, BigDecimal> marks(double artistic, double thematic, double ai) {
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        marks.put(ARTISTIC_IMPACT.id(), BigDecimal.valueOf(artistic));
        marks.put(THEMATIC_EXPRESSION.id(), BigDecimal.valueOf(thematic));
        marks.put(INNOVATIVE_AI.id(), BigDecimal.valueOf(ai));
        return marks;
    }

    /** {@code count} entry ids, {@code entry-01} onwards. */
    static List<String> entries(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("entry-%02d", i)).toList();
    }

    /** {@code count} juror ids, {@code juror-1} onwards, in order of appointment. */
    static List<String> jurors(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "juror-" + i).toList();
    }

    private static Criterion criterion(String id, String weight) {
        return new Criterion(id, id.replace('-', ' '), new BigDecimal(weight), BigDecimal.ZERO, BigDecimal.TEN);
    }
}
