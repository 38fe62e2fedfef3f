package org.festivalledger.programme;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.festivalledger.http.CommandDispatch;
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

    private final ScreeningBookings screenings;
    private final ProgrammeSchedule schedule;

    ScreeningController(ScreeningBookings screenings, ProgrammeSchedule schedule) {
        this.screenings = screenings;
        this.schedule = schedule;
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
        Booked booked = screenings.schedule(competitionId, request.id(), request.title(), request.venueId(),
                request.startsAt(), request.submissionIds(), request.isPublic() == null || request.isPublic());
        return Answers.created("/api/competitions/" + competitionId + "/screenings/" + booked.id(),
                booked.recorded(), Placed.of(booked));
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
        Booked booked = screenings.reschedule(competitionId, screeningId, request.venueId(), request.startsAt(),
                request.submissionIds(), Answers.reason(request.reason(), reasonHeader));
        return Answers.ok(booked.recorded(), Placed.of(booked));
    }

    @PostMapping("/{screeningId}/cancellation")
    ResponseEntity<Cancelled> cancel(@PathVariable String competitionId, @PathVariable String screeningId,
                                     @RequestBody ReasonRequest request,
                                     @RequestHeader(name = CommandDispatch.REASON_HEADER, required = false)
                                     String reasonHeader) {
        String reason = Answers.reason(request.reason(), reasonHeader);
        return Answers.ok(screenings.cancel(competitionId, screeningId, reason).recorded(),
                new Cancelled(screeningId, reason));
    }
}
