package org.festivalledger.round;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.EntityIds;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.http.ViewsCatchingUp;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
import org.festivalledger.submission.SubmissionView;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;

/** Opening a judging round: the one way the JSON API and the organiser's pages do it. */
@Service
public class RoundOpening {

    private final CommandDispatch dispatch;
    private final SubmissionRegister register;
    private final ProjectionProgress progress;
    private final LedgerLog ledger;

    RoundOpening(CommandDispatch dispatch, SubmissionRegister register, ProjectionProgress progress,
                 LedgerLog ledger) {
        this.dispatch = dispatch;
        this.register = register;
        this.progress = progress;
        this.ledger = ledger;
    }

    /** A round as an organiser asks for it; {@code null} numbers and method take the API's defaults. */
    public record Request(String id, String name, Integer jurorsPerEntry, AggregationMethod aggregation,
                          Integer minScoresPerEntry, String entries) {
    }

    public Recorded open(String competitionId, Request request) {
        if (request.id() == null || request.id().isBlank()) {
            throw InvalidInput.of("id", "a round needs an id, such as \"preliminary\"");
        }
        EntityIds.chosenOrNew("id", request.id()); // the id appears in URLs: same form as every other id
        EntrySource source = EntrySource.parse(request.entries() == null ? "ALL_ELIGIBLE" : request.entries());
        if (source == null) {
            throw InvalidInput.of("entries", "must be ALL_ELIGIBLE or SHORTLIST_OF:<roundId>");
        }
        return dispatch.send(new OpenRound(competitionId, request.id(), request.name(),
                orZero(request.jurorsPerEntry()), request.aggregation() == null ? AggregationMethod.MEAN
                : request.aggregation(), orZero(request.minScoresPerEntry()), source,
                entriesFor(competitionId, source)), null);
    }

    /**
     * The entries of a new round, from the register once it has caught up with the whole ledger, so an
     * entry received a moment ago is not left out.
     */
    private List<String> entriesFor(String competitionId, EntrySource source) {
        if (source.shortlistOf() != null) {
            return List.of(); // the judging takes the earlier round's shortlist as recorded
        }
        // Never open a round on a partial list: if the register cannot catch up, refuse and let the
        // organiser retry, rather than leave entries out of the judging.
        if (!progress.awaitPosition(ledger.head().position(), Duration.ofSeconds(30))) {
            throw new ViewsCatchingUp();
        }
        return register.of(competitionId).stream().filter(view -> view.status() == SubmissionStatus.RECEIVED)
                .map(SubmissionView::id).toList();
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
