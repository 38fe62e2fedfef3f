package org.festivalledger.programme;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.EntityIds;
import org.festivalledger.programme.Answers.Cancelled;
import org.festivalledger.programme.Answers.Placed;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Screenings: scheduled with their films (the end computed from runtimes plus changeover), moved, cancelled. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/screenings")
class ScreeningController {

    private final CommandDispatch dispatch;
    private final FilmsOnRecord films;
    private final ProgrammeSchedule schedule;
    private final CompetitionsOnRecord competitions;
    private final ViewsAtHead views;

    ScreeningController(CommandDispatch dispatch, FilmsOnRecord films, ProgrammeSchedule schedule,
                        CompetitionsOnRecord competitions, ViewsAtHead views) {
        this.dispatch = dispatch;
        this.films = films;
        this.schedule = schedule;
        this.competitions = competitions;
        this.views = views;
    }

    /** A screening as an organiser schedules it; {@code id} is optional, {@code public} defaults to true. */
    record ScreeningRequest(String id, String venueId, Instant startsAt, List<String> submissionIds, String title,
                            @JsonProperty("public") Boolean isPublic) {
    }

    /** A move: whatever is left out stays as it is (the films too). */
    record ScreeningChange(Instant startsAt, String venueId, List<String> submissionIds, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping
    ResponseEntity<Placed> schedule(@PathVariable String competitionId, @RequestBody ScreeningRequest request) {
        String id = EntityIds.chosenOrNew("id", request.id());
        competitions.knownAtHead(competitionId);
        Recorded recorded = dispatch.send(new ScheduleScreening(competitionId, id, request.title(), request.venueId(),
                request.startsAt(), films.named(competitionId, request.submissionIds()),
                request.isPublic() == null || request.isPublic()), null);
        return Answers.created("/api/competitions/" + competitionId + "/screenings/" + id, recorded,
                Placed.of(id, recorded));
    }

    @GetMapping("/{screeningId}")
    ScheduleEntry one(@PathVariable String competitionId, @PathVariable String screeningId) {
        return Answers.entry(schedule, competitionId, screeningId, BookingKind.SCREENING);
    }

    /**
     * A move names the films it will show (left out: the ones it shows now), with their facts as of now, so a film
     * that has left the competition cannot be carried into the new slot.
     */
    @PostMapping("/{screeningId}/reschedule")
    ResponseEntity<Placed> reschedule(@PathVariable String competitionId, @PathVariable String screeningId,
                                      @RequestBody ScreeningChange request,
                                      @RequestHeader(name = CommandDispatch.REASON_HEADER, required = false)
                                      String reasonHeader) {
        competitions.knownAtHead(competitionId);
        List<String> filmIds = request.submissionIds() != null ? request.submissionIds()
                : currentFilms(competitionId, screeningId);
        String reason = Answers.reason(request.reason(), reasonHeader);
        Recorded recorded = dispatch.send(new RescheduleScreening(competitionId, screeningId, request.venueId(),
                request.startsAt(), films.named(competitionId, filmIds), reason), reason);
        return Answers.ok(recorded, Placed.of(screeningId, recorded));
    }

    @PostMapping("/{screeningId}/cancellation")
    ResponseEntity<Cancelled> cancel(@PathVariable String competitionId, @PathVariable String screeningId,
                                     @RequestBody ReasonRequest request,
                                     @RequestHeader(name = CommandDispatch.REASON_HEADER, required = false)
                                     String reasonHeader) {
        competitions.knownAtHead(competitionId);
        String reason = Answers.reason(request.reason(), reasonHeader);
        Recorded recorded = dispatch.send(new CancelScreening(competitionId, screeningId, reason), reason);
        return Answers.ok(recorded, new Cancelled(screeningId, reason));
    }

    // Read once the views hold the whole ledger, so a change recorded a moment ago is not undone: a screening
    // the schedule does not know is left to the programme, which answers 404.
    private List<String> currentFilms(String competitionId, String screeningId) {
        views.await();
        return schedule.item(competitionId, screeningId)
                .filter(item -> item.kind() == BookingKind.SCREENING)
                .map(item -> item.films().stream().map(FilmSlot::submissionId).toList())
                .orElse(null);
    }
}
