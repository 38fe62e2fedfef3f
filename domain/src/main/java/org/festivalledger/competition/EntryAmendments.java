package org.festivalledger.competition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.festivalledger.submission.AmendSubmission;
import org.festivalledger.submission.Submission;
import org.festivalledger.submission.UnknownSubmission;

import java.util.function.Function;

/**
 * Handles an entrant's amendment, which needs two aggregates: the competition's rules (the deadline and the maximum
 * runtime, fixed at its announcement) and the submission that records the change. The competition is only read
 * (nothing is recorded on it), the submission decides and records.
 */
public class EntryAmendments {

    private final Repository<Submission> submissions;
    private final Function<String, SubmissionRules> rulesOf;

    public EntryAmendments(Repository<Submission> submissions, Repository<Competition> competitions) {
        this(submissions, competitionId -> competitions.load(competitionId).invoke(Competition::rules));
    }

    /** The rules of each competition given directly (tests, which have no competition aggregate at hand). */
    public EntryAmendments(Repository<Submission> submissions, Function<String, SubmissionRules> rulesOf) {
        this.submissions = submissions;
        this.rulesOf = rulesOf;
    }

    @CommandHandler
    void handle(AmendSubmission command) throws Exception {
        SubmissionRules rules;
        try {
            rules = rulesOf.apply(command.competitionId());
        } catch (AggregateNotFoundException unknownCompetition) {
            throw new UnknownSubmission(command.submissionId(), command.competitionId());
        }
        submissions.load(command.submissionId()).execute(submission -> submission.amend(command, rules));
    }
}
