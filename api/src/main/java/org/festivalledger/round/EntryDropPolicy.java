package org.festivalledger.round;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.festivalledger.submission.SubmissionRuledIneligible;
import org.festivalledger.submission.SubmissionWithdrawn;
import org.springframework.stereotype.Component;

/**
 * A withdrawn or ineligible entry drops out of every open round. The submission and the judging are
 * separate aggregates, so this follows the log: the drop is recorded a moment after the withdrawal,
 * carrying its actor, reason and correlation id. Not replayed: the drops are already on the ledger.
 */
@Component
@ProcessingGroup(org.festivalledger.storage.Policies.ENTRY_DROPS)
class EntryDropPolicy {

    private final CommandGateway commands;

    EntryDropPolicy(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(SubmissionWithdrawn event) {
        commands.sendAndWait(new DropEntry(event.competitionId(), event.submissionId(),
                "withdrawn: " + event.reason()));
    }

    @EventHandler
    @DisallowReplay
    void on(SubmissionRuledIneligible event) {
        commands.sendAndWait(new DropEntry(event.competitionId(), event.submissionId(),
                "ruled ineligible: " + event.reason()));
    }
}
