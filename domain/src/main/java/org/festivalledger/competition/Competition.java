package org.festivalledger.competition;

import org.festivalledger.rules.TextKind;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.festivalledger.judging.Judging;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.Problems;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.NewSubmission;
import org.festivalledger.submission.ReceiveSubmission;
import org.festivalledger.submission.ReceiveSubmissions;
import org.festivalledger.submission.RuntimeExceedsLimit;
import org.festivalledger.submission.Submission;
import org.festivalledger.submission.SubmissionDeadlinePassed;
import org.festivalledger.submission.SubmissionsRejected;
import org.festivalledger.submission.SubmissionsRejected.LineError;
import org.festivalledger.submission.WellFormedEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * One edition of one competition: how its entries are judged and the rules they must meet.
 * <p>
 * Receiving a film is handled here, not by the Submission, because the deadline and the maximum runtime are
 * the competition's rules: checking them against the competition's own, consistent state means no entry can
 * slip through on a stale projection. Having checked, the competition creates each Submission as an aggregate
 * of its own and records nothing itself, so its event stream stays short and receiving two films at the same
 * moment never conflicts on it.
 */
@Aggregate(snapshotTriggerDefinition = "ledgerSnapshotTrigger")
public class Competition {

    @AggregateIdentifier
    private String competitionId;
    private SubmissionRules rules;

    /** For Axon, which rebuilds a competition from its events, and for Jackson, which reads its snapshots. */
    protected Competition() {
    }

    /**
     * Announcing a competition also establishes its judging, an aggregate of its own (see {@link Judging}), so
     * jurors can be appointed from the first moment and the judging always scores on the announced criteria.
     */
    @CommandHandler
    public Competition(AnnounceCompetition command) {
        WellFormedAnnouncement.problemsOf(command).throwIfAny();
        List<Criterion> criteria = List.copyOf(command.criteria());
        // An event applied in a constructor is published only when the constructor returns, but createNew
        // publishes the new aggregate's at once: waiting for the announcement keeps it first on the ledger.
        apply(new CompetitionAnnounced(command.competitionId(), command.name(), command.edition(),
                criteria, command.rules(),
                command.awardCategories() == null ? List.of() : List.copyOf(command.awardCategories())))
                .andThen(() -> establishJudging(command.competitionId(), criteria,
                        command.awardCategories() == null ? List.of() : List.copyOf(command.awardCategories())));
    }

    @CommandHandler
    void handle(ReceiveSubmission command) throws Exception {
        WellFormedEntry.problemsOf(command.entry())
                .requireText(command.submissionId(), "submissionId")
                .requirePresent(command.receivedAt(), "receivedAt")
                .throwIfAny();
        requireOnTime(command.receivedAt());
        Entry entry = command.entry();
        if (!rules.admitsRuntime(entry.runtimeMinutes())) {
            throw new RuntimeExceedsLimit(entry.title(), entry.runtimeMinutes(), rules.maxRuntimeMinutes());
        }
        receive(command.submissionId(), entry, command.receivedAt(), command.entrantId());
    }

    /**
     * An import is all or nothing: every line is checked before any is received, and all problems are reported
     * together so the entrant's spreadsheet can be fixed in one pass.
     */
    @CommandHandler
    void handle(ReceiveSubmissions command) throws Exception {
        List<NewSubmission> lines = command.submissions();
        if (lines == null || lines.isEmpty()) {
            throw InvalidInput.of("submissions", "must hold at least one line");
        }
        new Problems().requirePresent(command.receivedAt(), "receivedAt").throwIfAny();
        // The whole import arrived at one moment, so a late one is refused before its lines are read:
        // no correction to a line would make it acceptable.
        requireOnTime(command.receivedAt());

        List<LineError> errors = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            problemsOn(lines.get(i), line, lineOfId)
                    .list()
                    .forEach(error -> errors.add(new LineError(line, error.field(), error.message())));
        }
        if (!errors.isEmpty()) {
            throw new SubmissionsRejected(errors);
        }
        for (NewSubmission line : lines) {
            receive(line.submissionId(), line.entry(), command.receivedAt(), null);
        }
    }

    private Problems problemsOn(NewSubmission line, int lineNumber, Map<String, Integer> lineOfId) {
        if (line == null) {
            return new Problems().check(false, "entry", "is required");
        }
        Problems problems = WellFormedEntry.problemsOf(line.entry()).requireText(line.submissionId(), "submissionId");
        String id = line.submissionId();
        if (!TextKind.isBlank(id)) {
            Integer firstLine = lineOfId.putIfAbsent(id, lineNumber);
            problems.check(firstLine == null, "submissionId", "'" + id + "' is already used on line " + firstLine);
        }
        Entry entry = line.entry();
        if (entry != null && entry.runtimeMinutes() > 0) {
            problems.check(rules.admitsRuntime(entry.runtimeMinutes()), "runtimeMinutes",
                    "is " + entry.runtimeMinutes() + "; the competition allows at most " + rules.maxRuntimeMinutes());
        }
        return problems;
    }

    private void requireOnTime(Instant receivedAt) {
        if (!rules.isOpenAt(receivedAt)) {
            throw new SubmissionDeadlinePassed(competitionId, rules.submissionDeadline(), receivedAt);
        }
    }

    // createNew declares a checked Exception; whatever the Submission's constructor throws passes through unchanged.
    private void receive(String submissionId, Entry entry, Instant receivedAt, String entrantId) throws Exception {
        createNew(Submission.class, () -> new Submission(submissionId, competitionId, entry, receivedAt, entrantId));
    }

    /** The rules its entries are received and amended under; they never change once announced. */
    SubmissionRules rules() {
        return rules;
    }

    // createNew declares a checked Exception for whatever its factory throws; the Judging's constructor throws none.
    private static void establishJudging(String competitionId, List<Criterion> criteria,
                                         List<AwardCategory> awardCategories) {
        try {
            createNew(Judging.class, () -> new Judging(competitionId, criteria, awardCategories));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("The judging of competition " + competitionId + " was not established", e);
        }
    }

    @EventSourcingHandler
    void on(CompetitionAnnounced event) {
        competitionId = event.competitionId();
        rules = event.rules();
    }
}
