package org.festivalledger.competition;

import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.http.UnknownId;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Competitions: announced by an organiser, read by anyone signed in. */
@RestController
@RequestMapping("/api/competitions")
class CompetitionController {

    private final CompetitionAnnouncements announcements;
    private final CompetitionCatalogue catalogue;
    private final SubmissionRegister register;
    private final Clock clock;

    CompetitionController(CompetitionAnnouncements announcements, CompetitionCatalogue catalogue,
                          SubmissionRegister register, Clock clock) {
        this.announcements = announcements;
        this.catalogue = catalogue;
        this.register = register;
        this.clock = clock;
    }

    /** What an organiser sends to announce a competition; {@code id} is optional. */
    record AnnouncementRequest(String id, String name, String edition, List<Criterion> criteria,
                               SubmissionRules rules, List<AwardCategory> awardCategories) {
    }

    /** A competition as the API returns it. */
    record CompetitionResponse(String id, String name, String edition, String status, List<Criterion> criteria,
                               SubmissionRules rules, List<AwardCategory> awardCategories, List<Object> rounds,
                               Map<SubmissionStatus, Long> submissions, Instant announcedAt) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> announce(@RequestBody AnnouncementRequest request) {
        CompetitionAnnouncements.Announced announced = announcements.announce(request.id(), request.name(),
                request.edition(), request.criteria(), request.rules(), request.awardCategories());
        String id = announced.competitionId();
        return ResponseEntity.created(URI.create("/api/competitions/" + id))
                .header(LedgerPositionHeader.NAME, Long.toString(announced.position()))
                .body(Map.of("id", id));
    }

    @GetMapping
    List<CompetitionResponse> all() {
        return catalogue.all().stream().map(this::response).toList();
    }

    @GetMapping("/{competitionId}")
    CompetitionResponse one(@PathVariable String competitionId) {
        return catalogue.find(competitionId).map(this::response)
                .orElseThrow(() -> new UnknownId("competition", competitionId));
    }

    private CompetitionResponse response(CompetitionView view) {
        Map<SubmissionStatus, Long> counts = register.countsOf(view.id());
        return new CompetitionResponse(view.id(), view.name(), view.edition(), view.statusAt(clock.instant()),
                view.criteria(), view.rules(), view.awardCategories(), List.of(), counts, view.announcedAt());
    }
}
