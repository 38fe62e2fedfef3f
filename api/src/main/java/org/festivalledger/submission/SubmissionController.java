package org.festivalledger.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.http.UnknownId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Film entries: received, imported, withdrawn, ruled ineligible; listed for organisers and auditors. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/submissions")
class SubmissionController {

    private final EntryIntake intake;
    private final SubmissionRegister register;
    private final CompetitionCatalogue catalogue;
    private final EntryRulings rulings;
    private final EntrantDirectory entrants;

    SubmissionController(EntryIntake intake, SubmissionRegister register, CompetitionCatalogue catalogue,
                         EntryRulings rulings, EntrantDirectory entrants) {
        this.entrants = entrants;
        this.rulings = rulings;
        this.intake = intake;
        this.register = register;
        this.catalogue = catalogue;
    }

    /** An entry as an organiser records it; {@code id} is optional. */
    record EntryRequest(String id, String title, List<String> team, String country, Integer runtimeMinutes,
                        String synopsis, AiDisclosure aiDisclosure) {

        Entry entry() {
            return new Entry(title, team, country, runtimeMinutes == null ? 0 : runtimeMinutes, synopsis,
                    aiDisclosure);
        }
    }

    /** The reason a withdrawal or ruling is recorded with. */
    record ReasonRequest(String reason) {
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Map<String, String>> receive(@PathVariable String competitionId,
                                                @RequestBody EntryRequest request) {
        EntryIntake.Received received = intake.receive(competitionId, request.id(), request.entry());
        String id = received.submissionId();
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/submissions/" + id))
                .header(LedgerPositionHeader.NAME, Long.toString(received.position()))
                .body(Map.of("id", id));
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "text/plain"})
    ResponseEntity<Map<String, Object>> importCsv(@PathVariable String competitionId, @RequestBody String csv) {
        EntryIntake.Imported imported = intake.importCsv(competitionId, csv);
        return ResponseEntity.status(201)
                .header(LedgerPositionHeader.NAME, Long.toString(imported.position()))
                .body(Map.of("imported", imported.submissionIds().size(), "ids", imported.submissionIds()));
    }

    @PostMapping("/{submissionId}/withdrawal")
    ResponseEntity<Map<String, String>> withdraw(@PathVariable String competitionId,
                                                 @PathVariable String submissionId,
                                                 @RequestBody ReasonRequest request) {
        Recorded recorded = rulings.withdraw(competitionId, submissionId, request.reason());
        return changed(submissionId, SubmissionStatus.WITHDRAWN, recorded);
    }

    @PostMapping("/{submissionId}/ineligibility")
    ResponseEntity<Map<String, String>> ruleIneligible(@PathVariable String competitionId,
                                                       @PathVariable String submissionId,
                                                       @RequestBody ReasonRequest request) {
        Recorded recorded = rulings.ruleIneligible(competitionId, submissionId, request.reason());
        return changed(submissionId, SubmissionStatus.INELIGIBLE, recorded);
    }

    /**
     * An entry as the organiser's list gives it: the register's view, and who sent it ({@code submittedBy}: the
     * entrant's pseudonym and address, or {@code erased: true}; absent for an entry an organiser recorded).
     */
    record ListedSubmission(@JsonUnwrapped SubmissionView view,
                            @JsonInclude(JsonInclude.Include.NON_NULL) EntrantDirectory.Submitter submittedBy) {
    }

    @GetMapping
    List<ListedSubmission> list(@PathVariable String competitionId) {
        requireCompetition(competitionId);
        return register.of(competitionId).stream().map(this::listed).toList();
    }

    @GetMapping("/{submissionId}")
    ListedSubmission one(@PathVariable String competitionId, @PathVariable String submissionId) {
        return register.find(submissionId).filter(view -> view.competitionId().equals(competitionId))
                .map(this::listed).orElseThrow(() -> new UnknownId("submission", submissionId));
    }

    private ListedSubmission listed(SubmissionView view) {
        return new ListedSubmission(view, entrants.submitter(view.entrantId()));
    }

    private void requireCompetition(String competitionId) {
        if (catalogue.find(competitionId).isEmpty()) {
            throw new UnknownId("competition", competitionId);
        }
    }

    private static ResponseEntity<Map<String, String>> changed(String id, SubmissionStatus status, Recorded recorded) {
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("id", id, "status", status.name()));
    }
}
