package org.festivalledger.judging;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.festivalledger.award.AlreadyAwarded;
import org.festivalledger.award.AwardAlreadyRevoked;
import org.festivalledger.award.AwardConferred;
import org.festivalledger.award.AwardIdTaken;
import org.festivalledger.award.AwardRevoked;
import org.festivalledger.award.CategoryAlreadyAwarded;
import org.festivalledger.award.ConferAward;
import org.festivalledger.award.RevokeAward;
import org.festivalledger.award.UnknownAward;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.Criterion;
import org.festivalledger.publication.PublishResults;
import org.festivalledger.publication.NothingNewToPublish;
import org.festivalledger.publication.ResultsPublished;
import org.festivalledger.shortlist.DrawShortlist;
import org.festivalledger.shortlist.NoShortlist;
import org.festivalledger.shortlist.ShortlistAlreadyDrawn;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.jury.AppointJuror;
import org.festivalledger.jury.ConflictAlreadyDeclared;
import org.festivalledger.jury.ConflictDeclared;
import org.festivalledger.jury.ConflictOfInterest;
import org.festivalledger.jury.DeclareConflict;
import org.festivalledger.jury.JurorAlreadyAppointed;
import org.festivalledger.jury.IssueJurorAccess;
import org.festivalledger.jury.JurorAccessAlreadyRevoked;
import org.festivalledger.jury.JurorAccessIssued;
import org.festivalledger.jury.JurorAccessRevoked;
import org.festivalledger.jury.JurorAppointed;
import org.festivalledger.jury.RevokeJurorAccess;
import org.festivalledger.jury.UnknownJuror;
import org.festivalledger.round.AssignJuror;
import org.festivalledger.round.AssignJurorsAutomatically;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.AssignmentRemoved;
import org.festivalledger.round.CloseRound;
import org.festivalledger.round.DropEntry;
import org.festivalledger.round.EarlierRoundNotClosed;
import org.festivalledger.round.EntryDropped;
import org.festivalledger.round.EntryNotInRound;
import org.festivalledger.round.JurorAlreadyAssigned;
import org.festivalledger.round.JurorsAssigned;
import org.festivalledger.round.OpenRound;
import org.festivalledger.round.PreviewAutomaticAssignment;
import org.festivalledger.round.RoundAlreadyClosed;
import org.festivalledger.round.RoundAlreadyExists;
import org.festivalledger.round.RoundClosed;
import org.festivalledger.round.RoundClosedForAssignments;
import org.festivalledger.round.RoundOpened;
import org.festivalledger.round.UnassignJuror;
import org.festivalledger.round.UnknownAssignment;
import org.festivalledger.round.UnknownRound;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;
import org.festivalledger.scoring.NotAssigned;
import org.festivalledger.scoring.RecordScore;
import org.festivalledger.scoring.RoundClosedForScoring;
import org.festivalledger.scoring.ScoreRecorded;
import org.festivalledger.scoring.ScoreRevised;
import org.festivalledger.scoring.ScoreVoided;
import org.festivalledger.submission.ReasonRequired;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A competition's judging: its jurors and their conflicts of interest, its rounds, who judges which entry in
 * each round, and which scores count.
 * <p>
 * One aggregate holds all of it, deliberately larger than the festival's other aggregates. Whether a score may
 * be recorded depends at once on the round being open, the juror being assigned to the entry and the juror not
 * being conflicted on it; and a conflict declared late must void the juror's scores and take them off the entry
 * in the same decision. Within one aggregate each of those checks and its consequences is atomic against one
 * consistent state; split across several, a score could slip in between a conflict and its consequences, or
 * just after its round closed. The price is that every judging command of a competition queues on one event
 * stream, which is affordable: one festival's judging peaks at a few commands per second, the ledger
 * serialises all appends anyway, and the aggregate stays in Axon's cache between commands. It remembers only
 * what its rules consult, never the marks, so its snapshots stay small.
 */
@Aggregate(snapshotTriggerDefinition = "judgingSnapshotTrigger", cache = "judgingCache",
        lockFactory = "judgingLockFactory")
public class Judging {

    @AggregateIdentifier
    private String judgingId;
    private String competitionId;
    // The same criteria every round copies when it opens: they cannot change once the competition is announced.
    private List<Criterion> criteria;
    private Jury jury = new Jury();
    // In the order the rounds were opened, kept through a snapshot too (Jackson reads a JSON object into a
    // LinkedHashMap), so a command that records events for several rounds always records them in one order.
    private Map<String, Round> rounds = new LinkedHashMap<>();
    private Honours honours = new Honours();

    /** For Axon, which rebuilds a judging from its events, and for Jackson, which reads its snapshots. */
    protected Judging() {
    }

    /** Establishes a competition's judging; only the Competition calls this, as it is announced. */
    public Judging(String competitionId, List<Criterion> criteria, List<AwardCategory> awardCategories) {
        apply(new JudgingEstablished(competitionId, List.copyOf(criteria), List.copyOf(awardCategories)));
    }

    @CommandHandler
    void handle(AppointJuror command) {
        new Problems()
                .requireText(command.jurorId(), "jurorId")
                .requireText(command.name(), "name")
                .limitText(command.jurorId(), "jurorId", TextKind.LINE)
                .limitText(command.name(), "name", TextKind.LINE)
                .requireText(command.tokenHash(), "tokenHash")
                .requireText(command.linkHash(), "linkHash")
                .requirePresent(command.linkExpiresAt(), "linkExpiresAt")
                .throwIfAny();
        if (jury.isAppointed(command.jurorId())) {
            throw new JurorAlreadyAppointed(command.jurorId(), competitionId);
        }
        apply(new JurorAppointed(competitionId, command.jurorId(), command.name(), command.tokenHash()));
        apply(new JurorAccessIssued(competitionId, command.jurorId(), 1, command.tokenHash(), command.linkHash(),
                command.linkExpiresAt()));
    }

    /** New credentials replace every earlier one of the juror, also after a revocation (that is how access returns). */
    @CommandHandler
    void handle(IssueJurorAccess command) {
        new Problems()
                .requireText(command.tokenHash(), "tokenHash")
                .requireText(command.linkHash(), "linkHash")
                .requirePresent(command.linkExpiresAt(), "linkExpiresAt")
                .throwIfAny();
        requireAppointed(command.jurorId());
        apply(new JurorAccessIssued(competitionId, command.jurorId(), jury.accessVersion(command.jurorId()) + 1,
                command.tokenHash(), command.linkHash(), command.linkExpiresAt()));
    }

    @CommandHandler
    void handle(RevokeJurorAccess command) {
        requireReason(command.reason(), "revoke a juror's access");
        requireAppointed(command.jurorId());
        if (jury.isAccessRevoked(command.jurorId())) {
            throw new JurorAccessAlreadyRevoked(command.jurorId());
        }
        apply(new JurorAccessRevoked(competitionId, command.jurorId(), jury.accessVersion(command.jurorId()) + 1,
                command.reason()));
    }

    /**
     * A conflict may come to light after the juror has judged the entry. Their scores for it then stop counting
     * in every round, closed ones too, because a result resting on a conflicted mark cannot be defended; and they
     * leave the entry in every round still open, so its slot can be filled again.
     */
    @CommandHandler
    void handle(DeclareConflict command) {
        new Problems().requireText(command.submissionId(), "submissionId")
                .limitText(command.submissionId(), "submissionId", TextKind.LINE).throwIfAny();
        requireReason(command.reason(), "declare a conflict of interest");
        String jurorId = command.jurorId();
        String entry = command.submissionId();
        requireAppointed(jurorId);
        if (jury.isConflicted(jurorId, entry)) {
            throw new ConflictAlreadyDeclared(jurorId, entry);
        }
        List<Round> scored = rounds.values().stream().filter(round -> round.hasScore(jurorId, entry)).toList();
        List<Round> assigned = rounds.values().stream()
                .filter(round -> round.isOpen() && round.isAssigned(jurorId, entry)).toList();
        apply(new ConflictDeclared(competitionId, jurorId, entry, command.reason()));
        scored.forEach(round -> apply(new ScoreVoided(competitionId, round.roundId(), jurorId, entry,
                "conflict of interest declared: " + command.reason())));
        assigned.forEach(round -> apply(new AssignmentRemoved(competitionId, round.roundId(), jurorId, entry,
                "conflict of interest")));
    }

    @CommandHandler
    void handle(OpenRound command) {
        WellFormedRound.problemsOf(command).throwIfAny();
        if (rounds.containsKey(command.roundId())) {
            throw new RoundAlreadyExists(command.roundId(), competitionId);
        }
        List<String> entries = command.entries();
        String earlierRoundId = command.entrySource().shortlistOf();
        if (earlierRoundId != null) {
            Round earlier = rounds.get(earlierRoundId);
            if (earlier == null || earlier.isOpen()) {
                throw new EarlierRoundNotClosed(command.roundId(), earlierRoundId, earlier != null);
            }
            // The shortlist on record decides which entries go on, whatever the request listed; an entry that
            // left the competition since it was drawn does not.
            entries = honours.shortlistOf(earlierRoundId).orElseThrow(() -> new NoShortlist(earlierRoundId))
                    .stream().filter(entry -> !honours.hasLeftContention(entry)).toList();
        }
        apply(new RoundOpened(competitionId, command.roundId(), command.name(), command.jurorsPerEntry(),
                command.aggregation(), command.minScoresPerEntry(), command.entrySource(),
                List.copyOf(entries), criteria));
    }

    /** Records nothing when every entry already has its jurors, so asking again is harmless. */
    @CommandHandler
    void handle(AssignJurorsAutomatically command) {
        Round round = openForAssignments(command.roundId());
        List<Assignment> drawn = AutomaticAssignment.fill(round, jury);
        if (!drawn.isEmpty()) {
            apply(new JurorsAssigned(competitionId, round.roundId(), drawn, true));
        }
    }

    /** What {@link AssignJurorsAutomatically} would record now, by the same draw; records nothing. */
    @CommandHandler
    List<Assignment> handle(PreviewAutomaticAssignment command) {
        return AutomaticAssignment.fill(openForAssignments(command.roundId()), jury);
    }

    @CommandHandler
    void handle(AssignJuror command) {
        Round round = openForAssignments(command.roundId());
        String jurorId = command.jurorId();
        String entry = command.submissionId();
        requireAppointed(jurorId);
        requireTakingPart(round, entry);
        if (jury.isConflicted(jurorId, entry)) {
            throw new ConflictOfInterest(jurorId, entry, "be assigned to it");
        }
        if (round.isAssigned(jurorId, entry)) {
            throw new JurorAlreadyAssigned(jurorId, entry, round.roundId());
        }
        apply(new JurorsAssigned(competitionId, round.roundId(), List.of(new Assignment(jurorId, entry)), false));
    }

    @CommandHandler
    void handle(UnassignJuror command) {
        requireReason(command.reason(), "take a juror off an entry");
        Round round = openForAssignments(command.roundId());
        if (!round.isAssigned(command.jurorId(), command.submissionId())) {
            throw new UnknownAssignment(command.jurorId(), command.submissionId(), round.roundId());
        }
        apply(new AssignmentRemoved(competitionId, round.roundId(), command.jurorId(), command.submissionId(),
                command.reason()));
    }

    @CommandHandler
    void handle(CloseRound command) {
        Round round = existing(command.roundId());
        if (!round.isOpen()) {
            throw new RoundAlreadyClosed(round.roundId());
        }
        apply(new RoundClosed(competitionId, round.roundId()));
    }

    /**
     * Sent by a policy for every withdrawal and every ineligibility ruling. The judging records once that the
     * entry is out of contention (no shortlist or award may take it), and takes it out of every open round. A
     * closed round keeps the entry, because its results stand as they were decided.
     */
    @CommandHandler
    void handle(DropEntry command) {
        String entry = command.submissionId();
        if (!honours.hasLeftContention(entry)) {
            apply(new EntryLeftContention(competitionId, entry, command.reason()));
        }
        rounds.values().stream()
                .filter(round -> round.isOpen() && round.takesPart(entry))
                .toList()
                .forEach(round -> apply(new EntryDropped(competitionId, round.roundId(), entry, command.reason())));
    }

    @CommandHandler
    void handle(RecordScore command) {
        Round round = existing(command.roundId());
        if (!round.isOpen()) {
            throw new RoundClosedForScoring(round.roundId());
        }
        String jurorId = command.jurorId();
        String entry = command.submissionId();
        requireAppointed(jurorId);
        requireTakingPart(round, entry);
        if (jury.isConflicted(jurorId, entry)) {
            throw new ConflictOfInterest(jurorId, entry, "score it");
        }
        if (!round.isAssigned(jurorId, entry)) {
            throw new NotAssigned(jurorId, entry, round.roundId());
        }
        WellFormedMarks.problemsOf(command.marks(), criteria)
                .limitText(command.comment(), "comment", TextKind.PROSE)
                .limitText(command.reason(), "reason", TextKind.PROSE)
                .throwIfAny();
        Map<String, BigDecimal> marks = WellFormedMarks.inCriterionOrder(command.marks(), criteria);
        if (!round.hasScore(jurorId, entry)) {
            apply(new ScoreRecorded(competitionId, round.roundId(), jurorId, entry, marks, command.comment()));
        } else {
            // The latest score counts but every earlier one stays on the ledger, so a change must be explained.
            requireReason(command.reason(), "revise a score");
            apply(new ScoreRevised(competitionId, round.roundId(), jurorId, entry, marks, command.comment(),
                    command.reason(), round.revisionsOf(jurorId, entry) + 1));
        }
    }

    /**
     * The standings in the command were computed from the ledger up to {@code basedOnPosition}; Axon refuses the
     * command if the judging has recorded anything since ({@link DrawShortlist#expectedJudgingVersion()}).
     */
    @CommandHandler
    void handle(DrawShortlist command) {
        Round round = existing(command.roundId());
        if (honours.shortlistOf(round.roundId()).isPresent() && !round.isOpen()) {
            throw new ShortlistAlreadyDrawn(round.roundId());
        }
        apply(new ShortlistDraft(command, !round.isOpen(), round.allEntries(), honours.leftContention())
                .decide(competitionId));
    }

    @CommandHandler
    void handle(ConferAward command) {
        new Problems()
                .requireText(command.awardId(), "awardId")
                .requireText(command.categoryId(), "categoryId")
                .requireText(command.submissionId(), "submissionId")
                .requireText(command.citation(), "citation")
                .limitText(command.citation(), "citation", TextKind.PROSE)
                .throwIfAny();
        String entry = command.submissionId();
        awardEligibility().require(competitionId, command.categoryId(), entry);
        AwardCategory category = honours.category(command.categoryId()).orElseThrow();
        if (honours.award(command.awardId()).isPresent()) {
            throw new AwardIdTaken(command.awardId());
        }
        List<Honours.Award> winners = honours.winnersOf(category.id());
        if (winners.stream().anyMatch(award -> award.submissionId().equals(entry))) {
            throw new AlreadyAwarded(entry, category.id());
        }
        if (!winners.isEmpty() && !category.jointWinnersAllowed()) {
            throw new CategoryAlreadyAwarded(category.id(), winners.get(0).submissionId());
        }
        apply(new AwardConferred(competitionId, command.awardId(), category.id(), entry, command.citation(),
                command.basedOnPosition()));
    }

    @CommandHandler
    void handle(RevokeAward command) {
        requireReason(command.reason(), "revoke an award");
        Honours.Award award = honours.award(command.awardId())
                .orElseThrow(() -> new UnknownAward(command.awardId(), competitionId));
        if (award.revoked()) {
            throw new AwardAlreadyRevoked(award.awardId());
        }
        apply(new AwardRevoked(competitionId, award.awardId(), award.categoryId(), award.submissionId(),
                command.reason()));
    }

    /**
     * The first publication lifts the embargo (even on no decision at all: the results page then says so);
     * each later one publishes what was decided since the one before, so it needs something new.
     */
    @CommandHandler
    void handle(PublishResults command) {
        if (honours.isPublished() && !honours.hasUnpublishedDecisions()) {
            throw new NothingNewToPublish(competitionId);
        }
        new Problems().requirePresent(command.publishedAt(), "publishedAt").throwIfAny();
        apply(new ResultsPublished(competitionId, command.publishedAt()));
    }

    private AwardEligibility awardEligibility() {
        return new AwardEligibility(category -> honours.category(category).isPresent(),
                entry -> rounds.values().stream().anyMatch(round -> round.includes(entry)),
                honours.leftContention());
    }

    private Round existing(String roundId) {
        Round round = rounds.get(roundId);
        if (round == null) {
            throw new UnknownRound(roundId, competitionId);
        }
        return round;
    }

    private Round openForAssignments(String roundId) {
        Round round = existing(roundId);
        if (!round.isOpen()) {
            throw new RoundClosedForAssignments(roundId);
        }
        return round;
    }

    private void requireAppointed(String jurorId) {
        if (!jury.isAppointed(jurorId)) {
            throw new UnknownJuror(jurorId, competitionId);
        }
    }

    private static void requireTakingPart(Round round, String entry) {
        if (!round.takesPart(entry)) {
            throw new EntryNotInRound(entry, round.roundId());
        }
    }

    private static void requireReason(String reason, String decision) {
        if (TextKind.isBlank(reason)) {
            throw new ReasonRequired(decision);
        }
        new Problems().limitText(reason, "reason", TextKind.PROSE).throwIfAny();
    }

    @EventSourcingHandler
    void on(JudgingEstablished event) {
        judgingId = JudgingId.of(event.competitionId());
        competitionId = event.competitionId();
        criteria = event.criteria();
        honours = new Honours(event.awardCategories());
    }

    @EventSourcingHandler
    void on(JurorAppointed event) {
        jury.appoint(event.jurorId());
    }

    @EventSourcingHandler
    void on(JurorAccessIssued event) {
        jury.accessIssued(event.jurorId(), event.version());
    }

    @EventSourcingHandler
    void on(JurorAccessRevoked event) {
        jury.accessRevoked(event.jurorId(), event.version());
    }

    @EventSourcingHandler
    void on(ConflictDeclared event) {
        jury.conflict(event.jurorId(), event.submissionId());
    }

    @EventSourcingHandler
    void on(RoundOpened event) {
        rounds.put(event.roundId(), new Round(event));
    }

    @EventSourcingHandler
    void on(JurorsAssigned event) {
        Round round = rounds.get(event.roundId());
        event.assignments().forEach(assignment -> round.assign(assignment.jurorId(), assignment.submissionId()));
    }

    @EventSourcingHandler
    void on(AssignmentRemoved event) {
        rounds.get(event.roundId()).unassign(event.jurorId(), event.submissionId());
    }

    @EventSourcingHandler
    void on(RoundClosed event) {
        rounds.get(event.roundId()).close();
    }

    @EventSourcingHandler
    void on(EntryDropped event) {
        rounds.get(event.roundId()).drop(event.submissionId());
    }

    @EventSourcingHandler
    void on(ScoreRecorded event) {
        rounds.get(event.roundId()).scored(event.jurorId(), event.submissionId(), 0);
    }

    @EventSourcingHandler
    void on(ScoreRevised event) {
        rounds.get(event.roundId()).scored(event.jurorId(), event.submissionId(), event.revision());
    }

    @EventSourcingHandler
    void on(ScoreVoided event) {
        rounds.get(event.roundId()).voidScore(event.jurorId(), event.submissionId());
    }

    @EventSourcingHandler
    void on(EntryLeftContention event) {
        honours.leftContention(event.submissionId(), event.reason());
    }

    @EventSourcingHandler
    void on(ShortlistDrawn event) {
        honours.shortlisted(event.roundId(), event.shortlist());
    }

    @EventSourcingHandler
    void on(AwardConferred event) {
        honours.conferred(event.awardId(), event.categoryId(), event.submissionId());
    }

    @EventSourcingHandler
    void on(AwardRevoked event) {
        honours.revoked(event.awardId());
    }

    @EventSourcingHandler
    void on(ResultsPublished event) {
        honours.published();
    }
}
