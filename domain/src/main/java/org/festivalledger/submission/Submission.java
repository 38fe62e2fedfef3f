package org.festivalledger.submission;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.festivalledger.competition.SubmissionRules;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A film entered in a competition, from its receipt until it leaves the competition.
 * <p>
 * Each submission is its own aggregate so that deciding about one film never waits for, or conflicts with,
 * decisions about another. It remembers what its own decisions need: its status, its entrant, and the entry as it
 * stands (an amendment is checked as a whole).
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger")
public class Submission {

    @AggregateIdentifier
    private String submissionId;
    private String competitionId;
    private SubmissionStatus status;
    /** The entrant who sent it, if they did (not an organiser): only they may amend or withdraw it themselves. */
    private String entrantId;
    /** The entry as it stands: an amendment is checked as a whole and records only what it changes. */
    private Entry entry;

    /** For Axon, which rebuilds a submission from its events, and for Jackson, which reads its snapshots. */
    protected Submission() {
    }

    /**
     * Receives a film. Only the Competition calls this, after it has checked the entry against its rules:
     * the deadline and the maximum runtime are the competition's, not the submission's.
     */
    public Submission(String submissionId, String competitionId, Entry entry, Instant receivedAt) {
        this(submissionId, competitionId, entry, receivedAt, null);
    }

    /** Receives a film its entrant sent themselves ({@code entrantId}), or an organiser recorded ({@code null}). */
    public Submission(String submissionId, String competitionId, Entry entry, Instant receivedAt, String entrantId) {
        apply(new SubmissionReceived(submissionId, competitionId, entry, receivedAt, entrantId));
    }

    @CommandHandler
    void handle(WithdrawSubmission command) {
        requireKnownIn(command.competitionId());
        requireOwnedBy(command.byEntrant(), command.competitionId());
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
     * Amends the entry under the competition's rules, which {@code EntryAmendments} read from the competition: only
     * its own entrant, only while the call is open, and the amended entry must meet every rule a new one does. Only
     * what changed is recorded.
     */
    public void amend(AmendSubmission command, SubmissionRules rules) {
        requireKnownIn(command.competitionId());
        if (command.byEntrant() == null) {
            throw new UnknownSubmission(submissionId, command.competitionId());
        }
        requireOwnedBy(command.byEntrant(), command.competitionId());
        requireActive("amended");
        new Problems().requirePresent(command.changes(), "entry").requirePresent(command.amendedAt(), "amendedAt")
                .throwIfAny();
        if (!rules.isOpenAt(command.amendedAt())) {
            throw new SubmissionDeadlinePassed(competitionId, rules.submissionDeadline(), command.amendedAt());
        }
        Entry amended = command.changes().applyTo(entry);
        WellFormedEntry.problemsOf(amended).throwIfAny();
        if (!rules.admitsRuntime(amended.runtimeMinutes())) {
            throw new RuntimeExceedsLimit(amended.title(), amended.runtimeMinutes(), rules.maxRuntimeMinutes());
        }
        EntryChanges changed = EntryChanges.between(entry, amended);
        if (changed.isEmpty()) {
            throw InvalidInput.of("entry", "changes nothing");
        }
        apply(new SubmissionAmended(submissionId, competitionId, changed, command.amendedAt()));
    }

    /** An entrant acting themselves reaches only their own entries; another's is as if it did not exist. */
    private void requireOwnedBy(String byEntrant, String requestedCompetitionId) {
        if (byEntrant != null && !byEntrant.equals(entrantId)) {
            throw new UnknownSubmission(submissionId, requestedCompetitionId);
        }
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
        entrantId = event.entrantId();
        entry = event.entry();
    }

    @EventSourcingHandler
    void on(SubmissionAmended event) {
        entry = event.changed().applyTo(entry);
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
