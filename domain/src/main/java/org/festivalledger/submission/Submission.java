package org.festivalledger.submission;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A film entered in a competition, from its receipt until it leaves the competition.
 * <p>
 * Each submission is its own aggregate so that deciding about one film never waits for, or conflicts with,
 * decisions about another. It remembers only what its own decisions need; the entry itself lives in the
 * events and the projections.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger")
public class Submission {

    @AggregateIdentifier
    private String submissionId;
    private String competitionId;
    private SubmissionStatus status;

    /** For Axon, which rebuilds a submission from its events, and for Jackson, which reads its snapshots. */
    protected Submission() {
    }

    /**
     * Receives a film. Only the Competition calls this, after it has checked the entry against its rules:
     * the deadline and the maximum runtime are the competition's, not the submission's.
     */
    public Submission(String submissionId, String competitionId, Entry entry, Instant receivedAt) {
        apply(new SubmissionReceived(submissionId, competitionId, entry, receivedAt));
    }

    @CommandHandler
    void handle(WithdrawSubmission command) {
        requireKnownIn(command.competitionId());
        requireReason(command.reason(), "withdraw a submission");
        requireActive("withdrawn");
        apply(new SubmissionWithdrawn(submissionId, competitionId, command.reason()));
    }

    @CommandHandler
    void handle(RuleSubmissionIneligible command) {
        requireKnownIn(command.competitionId());
        requireReason(command.reason(), "rule a submission ineligible");
        requireActive("ruled ineligible");
        apply(new SubmissionRuledIneligible(submissionId, competitionId, command.reason()));
    }

    /**
     * Ids are global, but a request may only reach a submission through its own competition. Checked before
     * anything else so that a request through the wrong competition learns nothing, not even the status.
     */
    private void requireKnownIn(String requestedCompetitionId) {
        if (!competitionId.equals(requestedCompetitionId)) {
            throw new UnknownSubmission(submissionId, requestedCompetitionId);
        }
    }

    private static void requireReason(String reason, String decision) {
        if (TextKind.isBlank(reason)) {
            throw new ReasonRequired(decision);
        }
        new Problems().limitText(reason, "reason", TextKind.PROSE).throwIfAny();
    }

    private void requireActive(String decision) {
        if (status != SubmissionStatus.RECEIVED) {
            throw new SubmissionNotActive(submissionId, status, decision);
        }
    }

    @EventSourcingHandler
    void on(SubmissionReceived event) {
        submissionId = event.submissionId();
        competitionId = event.competitionId();
        status = SubmissionStatus.RECEIVED;
    }

    @EventSourcingHandler
    void on(SubmissionWithdrawn event) {
        status = SubmissionStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(SubmissionRuledIneligible event) {
        status = SubmissionStatus.INELIGIBLE;
    }
}
