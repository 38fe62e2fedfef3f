package org.festivalledger.round;

import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.http.UnknownId;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.identity.JurorIdentity;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionView;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** Judging rounds: opened, assigned (automatically or by hand), closed; and each juror's own list. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/rounds")
class RoundController {

    private final JudgingBoard board;
    private final SubmissionRegister register;
    private final RoundClosing closing;
    private final RoundOpening opening;
    private final JurorAssignments assignments;

    RoundController(JudgingBoard board, SubmissionRegister register, RoundClosing closing, RoundOpening opening,
                    JurorAssignments assignments) {
        this.closing = closing;
        this.board = board;
        this.register = register;
        this.opening = opening;
        this.assignments = assignments;
    }

    record RoundRequest(String id, String name, Integer jurorsPerEntry, AggregationMethod aggregation,
                        Integer minScoresPerEntry, String entries) {
    }

    record AssignmentRequest(String mode, String action, String jurorId, String submissionId, String reason) {
    }

    record RoundResponse(String id, String name, boolean open, int jurorsPerEntry, AggregationMethod aggregation,
                         int minScoresPerEntry, String entrySource, int entries, int assignments, int scores,
                         long ledgerPosition) {
    }

    record EntryAssignment(String submissionId, List<String> jurors) {
    }

    /** One entry on a juror's list: what they need to judge it, and whether they have scored it. */
    record AssignedEntry(String submissionId, String title, List<String> team, String country, int runtimeMinutes,
                         String synopsis, Object aiDisclosure, boolean scored, int revisions,
                         Map<String, BigDecimal> myMarks) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> open(@PathVariable String competitionId, @RequestBody RoundRequest request) {
        Recorded recorded = opening.open(competitionId, new RoundOpening.Request(request.id(), request.name(),
                request.jurorsPerEntry(), request.aggregation(), request.minScoresPerEntry(), request.entries()));
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/rounds/" + request.id()))
                .header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("id", request.id()));
    }

    @GetMapping
    List<RoundResponse> rounds(@PathVariable String competitionId) {
        return board.read(competitionId, record -> record.rounds().stream().map(RoundController::response)
                .toList()).orElse(List.of());
    }

    @GetMapping("/{roundId}")
    RoundResponse round(@PathVariable String competitionId, @PathVariable String roundId) {
        return board.read(competitionId, record -> record.round(roundId).orElse(null)).map(RoundController::response)
                .orElseThrow(() -> new UnknownId("round", roundId));
    }

    private static RoundResponse response(JudgingRecord.Round round) {
        int assignments = round.assignmentCount();
        return new RoundResponse(round.roundId(), round.name(), round.isOpen(), round.jurorsPerEntry(), round.aggregation(),
                round.minScoresPerEntry(), round.entrySource(), round.activeEntries().size(), assignments,
                round.countingScores().size(), round.position());
    }

    @PostMapping("/{roundId}/assignments")
    ResponseEntity<Map<String, Object>> assign(@PathVariable String competitionId, @PathVariable String roundId,
                                               @RequestBody AssignmentRequest request) {
        Recorded recorded;
        if ("AUTO".equals(request.mode())) {
            recorded = assignments.automatically(competitionId, roundId);
        } else if (request.mode() != null && !"MANUAL".equals(request.mode())) {
            throw InvalidInput.of("mode", "must be AUTO, or left out for a manual change");
        } else if ("REMOVE".equals(request.action())) {
            recorded = assignments.unassign(competitionId, roundId, request.jurorId(), request.submissionId(),
                    request.reason());
        } else if (request.action() == null || "ADD".equals(request.action())) {
            recorded = assignments.assign(competitionId, roundId, request.jurorId(), request.submissionId());
        } else {
            throw InvalidInput.of("action", "must be ADD or REMOVE");
        }
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("roundId", roundId, "ledgerPosition", recorded.position()));
    }

    @GetMapping("/{roundId}/assignments")
    List<EntryAssignment> assignments(@PathVariable String competitionId, @PathVariable String roundId) {
        return board.read(competitionId, record -> record.round(roundId).orElse(null))
                .map(round -> round.activeEntries().stream().map(entry -> new EntryAssignment(entry,
                        List.copyOf(round.jurorsOf(entry)))).toList())
                .orElseThrow(() -> new UnknownId("round", roundId));
    }

    /** A juror's own entries in a round: never an entry they are conflicted on, never others' marks. */
    @GetMapping("/{roundId}/assignments/mine")
    List<AssignedEntry> mine(@PathVariable String competitionId, @PathVariable String roundId,
                             Authentication authentication) {
        JurorIdentity juror = (JurorIdentity) authentication.getPrincipal();
        if (!juror.competitionId().equals(competitionId)) {
            throw new AccessDeniedException("a juror sees only their own competition");
        }
        return board.read(competitionId, record -> {
            JudgingRecord.Round round = record.round(roundId).orElse(null);
            if (round == null) {
                return null;
            }
            return round.entriesOf(juror.jurorId()).stream()
                    .filter(entry -> !record.isConflicted(juror.jurorId(), entry))
                    .map(entry -> assigned(entry, round.scorecardOf(juror.jurorId(), entry).orElse(null)))
                    .toList();
        }).orElseThrow(() -> new UnknownId("round", roundId));
    }

    private AssignedEntry assigned(String entry, JudgingRecord.Scorecard card) {
        SubmissionView view = register.find(entry).orElse(null);
        boolean scored = card != null && !card.voided();
        return new AssignedEntry(entry, view == null ? entry : view.title(), view == null ? List.of() : view.team(),
                view == null ? null : view.country(), view == null ? 0 : view.runtimeMinutes(),
                view == null ? null : view.synopsis(), view == null ? null : view.aiDisclosure(), scored,
                scored ? card.revisions() : 0, scored ? card.marks() : Map.of());
    }

    @PostMapping("/{roundId}/close")
    ResponseEntity<Map<String, Object>> close(@PathVariable String competitionId, @PathVariable String roundId) {
        Recorded recorded = closing.close(competitionId, roundId);
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("roundId", roundId, "open", false));
    }
}
