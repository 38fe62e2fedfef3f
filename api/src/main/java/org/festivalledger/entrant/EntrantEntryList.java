package org.festivalledger.entrant;

import org.festivalledger.audit.AuditTrail;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.results.PublicResults;
import org.festivalledger.results.PublishedResults;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
import org.festivalledger.submission.SubmissionView;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An entrant's entries as they may see them: where each stands, and the ledger positions of their own events on it
 * (whose receipts they may fetch). A shortlist or an award is told only once it is published, through the one
 * embargo gate ({@link PublicResults}); before that an entry in a round is "in judging", whatever was decided.
 */
@Component
public class EntrantEntryList {

    /** Where an entry stands, as its entrant is told. */
    public enum Standing { RECEIVED, INELIGIBLE, WITHDRAWN, IN_JUDGING, SHORTLISTED, AWARDED }

    /** One of the entrant's own events about the entry. */
    public record OwnEvent(long position, String type, Instant at) {
    }

    /**
     * @param reason     the reason of a withdrawal or an ineligibility ruling
     * @param awards     the published awards' category names (for {@code AWARDED})
     * @param amendable  whether the entrant may still amend or withdraw it (received, and the call still open)
     */
    public record OwnEntry(String competitionId, String competitionName, String id, String title, Entry entry,
                           Instant receivedAt, Instant deadline, Standing status, String reason, List<String> awards,
                           boolean amendable, List<OwnEvent> events) {
    }

    private final SubmissionRegister register;
    private final CompetitionCatalogue catalogue;
    private final JudgingBoard board;
    private final PublicResults results;
    private final AuditTrail trail;
    private final Clock clock;

    EntrantEntryList(SubmissionRegister register, CompetitionCatalogue catalogue, JudgingBoard board,
                     PublicResults results, AuditTrail trail, Clock clock) {
        this.register = register;
        this.catalogue = catalogue;
        this.board = board;
        this.results = results;
        this.trail = trail;
        this.clock = clock;
    }

    public List<OwnEntry> of(String entrantId) {
        return register.byEntrant(entrantId).stream().map(view -> entry(entrantId, view)).toList();
    }

    /** One of the entrant's entries; empty if it is not theirs. */
    public Optional<OwnEntry> find(String entrantId, String submissionId) {
        return register.find(submissionId).filter(view -> entrantId.equals(view.entrantId()))
                .map(view -> entry(entrantId, view));
    }

    private OwnEntry entry(String entrantId, SubmissionView view) {
        Optional<CompetitionView> competition = catalogue.find(view.competitionId());
        Optional<PublishedResults> published = results.of(view.competitionId());
        List<String> awards = published.map(r -> r.awards().stream()
                .filter(award -> award.entry().submissionId().equals(view.id()))
                .map(PublishedResults.PublicAward::categoryName).toList()).orElse(List.of());
        boolean shortlisted = published.map(r -> r.shortlists().stream()
                .anyMatch(list -> list.entries().stream().anyMatch(e -> e.submissionId().equals(view.id()))))
                .orElse(false);
        boolean inJudging = board.read(view.competitionId(), record -> record.rounds().stream()
                .anyMatch(round -> round.allEntries().contains(view.id()))).orElse(false);
        Standing status = switch (view.status()) {
            case WITHDRAWN -> Standing.WITHDRAWN;
            case INELIGIBLE -> Standing.INELIGIBLE;
            default -> !awards.isEmpty() ? Standing.AWARDED : shortlisted ? Standing.SHORTLISTED
                    : inJudging ? Standing.IN_JUDGING : Standing.RECEIVED;
        };
        boolean open = competition.map(c -> c.rules().isOpenAt(clock.instant())).orElse(false);
        List<OwnEvent> events = trail.find(1, Integer.MAX_VALUE,
                        line -> entrantId.equals(line.actor()) && line.concerns(view.id())).stream()
                .map(line -> new OwnEvent(line.position(), line.type(), line.timestamp())).toList();
        return new OwnEntry(view.competitionId(), competition.map(CompetitionView::name).orElse(view.competitionId()),
                view.id(), view.title(), view.entry(), view.receivedAt(),
                competition.map(c -> c.rules().submissionDeadline()).orElse(null), status,
                view.status() == SubmissionStatus.RECEIVED ? null : view.statusReason(), awards,
                view.status() == SubmissionStatus.RECEIVED && open, events);
    }
}
