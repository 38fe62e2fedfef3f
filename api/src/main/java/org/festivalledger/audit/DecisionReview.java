package org.festivalledger.audit;

import org.festivalledger.award.AwardConferred;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.shortlist.RankedEntry;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.StandingRow;
import org.festivalledger.standings.Standings;
import org.festivalledger.standings.StandingsTimeTravel;
import org.festivalledger.standings.StandingsTimeTravel.PastJudging;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A competition's decisions laid out for checking: every shortlist with the standings replayed to the position it
 * rests on beside the ranking it recorded, its overrides and any tie at the cut-off; every award with its position;
 * and for each the verifier's verdict (the rules re-run by {@link LedgerVerifier}), or the problem it found.
 */
@Service
class DecisionReview {

    private final StandingsTimeTravel timeTravel;
    private final LatestVerification verification;
    private final LedgerLog ledger;

    DecisionReview(StandingsTimeTravel timeTravel, LatestVerification verification, LedgerLog ledger) {
        this.timeTravel = timeTravel;
        this.verification = verification;
        this.ledger = ledger;
    }

    /** A recorded ranking row beside the replayed one at the same rank. */
    record Comparison(int rank, RankedEntry recorded, StandingRow replayed, boolean same) {
    }

    /** The entries sharing the cut-off score on both sides of the cut-off, and the overrides that decided it. */
    record Tie(BigDecimal score, List<String> above, List<String> below) {
    }

    record ShortlistReview(ShortlistDrawn decision, long recordedAt, String roundName, List<Comparison> rows,
                           Tie tie, Verification.Problem problem) {
    }

    record AwardReview(AwardConferred conferral, long recordedAt, String title, boolean revoked,
                       String revocationReason, Verification.Problem problem) {
    }

    /**
     * The decisions; {@code verification} is {@code null} while the verifier is still reading a long ledger
     * ({@code progress} says how far it has got), and the verdicts are then unknown.
     */
    record Review(String competitionId, long position, List<ShortlistReview> shortlists, List<AwardReview> awards,
                  Verification verification, boolean chainIntact, LatestVerification.State progress) {
    }

    /**
     * The decisions of a competition the catalogue knows (a competition not yet judged has none), with the verdicts
     * if the verifier finishes within {@code patience}.
     */
    Optional<Review> of(String competitionId, Duration patience) {
        long head = ledger.head().position();
        PastJudging now = timeTravel.replay(competitionId, head);
        JudgingRecord record = now.record();
        LatestVerification.State progress = verification.now(patience);
        Verification outcome = progress.done() ? progress.verification()
                : new Verification(true, 0, null, 0, 0, List.of());
        List<ShortlistReview> shortlists = new ArrayList<>();
        for (JudgingRecord.Shortlist shortlist : record.shortlists()) {
            ShortlistDrawn decision = shortlist.decision();
            Optional<Standings> then = timeTravel.at(competitionId, decision.roundId(), decision.basedOnPosition());
            List<StandingRow> replayed = then.map(Standings::rows).orElse(List.of());
            List<Comparison> rows = new ArrayList<>();
            int shown = Math.max(decision.ranked().size(), Math.min(replayed.size(), decision.size() + 3));
            for (int i = 0; i < shown; i++) {
                RankedEntry recorded = i < decision.ranked().size() ? decision.ranked().get(i) : null;
                StandingRow row = i < replayed.size() ? replayed.get(i) : null;
                boolean same = recorded == null || (row != null && recorded.submissionId().equals(row.submissionId())
                        && sameScore(recorded.score(), row.score()));
                rows.add(new Comparison(i + 1, recorded, row, same));
            }
            String roundName = record.round(decision.roundId()).map(JudgingRecord.Round::name).orElse(decision.roundId());
            shortlists.add(new ShortlistReview(decision, shortlist.recordedAt(), roundName, rows,
                    tie(decision, replayed), problemAt(outcome, shortlist.recordedAt())));
        }
        List<AwardReview> awards = new ArrayList<>();
        for (JudgingRecord.Award award : record.awards()) {
            AwardConferred conferral = award.conferral();
            String title = now.entryFacts().find(conferral.submissionId()).map(info -> info.title())
                    .orElse(conferral.submissionId());
            awards.add(new AwardReview(conferral, award.recordedAt(), title, award.revoked(), award.revocationReason(),
                    problemAt(outcome, award.recordedAt())));
        }
        boolean chainIntact = outcome.problems().stream().noneMatch(p -> p.kind() != Verification.Kind.SHORTLIST
                && p.kind() != Verification.Kind.AWARD);
        return Optional.of(new Review(competitionId, head, shortlists, awards, progress.done() ? outcome : null,
                progress.done() && chainIntact, progress));
    }

    /** Entries at the cut-off score on both sides of the cut-off, as the standings at the decision gave them. */
    private static Tie tie(ShortlistDrawn decision, List<StandingRow> replayed) {
        BigDecimal cutOff = decision.cutOffScore();
        if (cutOff == null) {
            return null;
        }
        List<String> above = new ArrayList<>();
        List<String> below = new ArrayList<>();
        for (int i = 0; i < replayed.size(); i++) {
            StandingRow row = replayed.get(i);
            if (row.score() != null && row.score().compareTo(cutOff) == 0) {
                (i < decision.size() ? above : below).add(row.submissionId());
            }
        }
        return below.isEmpty() ? null : new Tie(cutOff, above, below);
    }

    private static Verification.Problem problemAt(Verification outcome, long position) {
        return outcome.problems().stream().filter(problem -> problem.position() == position).findFirst().orElse(null);
    }

    private static boolean sameScore(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
