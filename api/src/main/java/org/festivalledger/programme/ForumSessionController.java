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

/** Forum sessions: talks and panels with their speakers, scheduled, moved and cancelled. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/forum-sessions")
class ForumSessionController {

    private final ForumSessionBookings sessions;
    private final ProgrammeSchedule schedule;

    ForumSessionController(ForumSessionBookings sessions, ProgrammeSchedule schedule) {
        this.sessions = sessions;
        this.schedule = schedule;
    }

    /** A session as an organiser schedules it; {@code id} is optional, {@code public} defaults to true. */
    record SessionRequest(String id, String title, List<String> speakers, String venueId, Instant startsAt,
                          Instant endsAt, @JsonProperty("public") Boolean isPublic) {
    }

    /** A move: a venue or start left out stays; an end left out keeps the session's length. */
    record SessionChange(Instant startsAt, Instant endsAt, String venueId, String reason) {
    }

    record ReasonRequest(String reason) {
    }

    @PostMapping
    ResponseEntity<Placed> schedule(@PathVariable String competitionId, @RequestBody SessionRequest request) {
        Booked booked = sessions.schedule(competitionId, request.id(), request.title(), request.speakers(),
                request.venueId(), request.startsAt(), request.endsAt(), request.isPublic() == null || request.isPublic());
        return Answers.created("/api/competitions/" + competitionId + "/forum-sessions/" + booked.id(),
                booked.recorded(), Placed.of(booked));
    }

    @GetMapping("/{sessionId}")
    ScheduleEntry one(@PathVariable String competitionId, @PathVariable String sessionId) {
        return Answers.entry(schedule, competitionId, sessionId, BookingKind.FORUM_SESSION);
    }

    @PostMapping("/{sessionId}/reschedule")
    ResponseEntity<Placed> reschedule(@PathVariable String competitionId, @PathVariable String sessionId,
                                      @RequestBody SessionChange request,
                                      @RequestHeader(name = CommandDispatch.REASON_HEADER, required = false)
                                      String reasonHeader) {
        Booked booked = sessions.reschedule(competitionId, sessionId, request.venueId(), request.startsAt(),
                request.endsAt(), Answers.reason(request.reason(), reasonHeader));
        return Answers.ok(booked.recorded(), Placed.of(booked));
    }

    @PostMapping("/{sessionId}/cancellation")
    ResponseEntity<Cancelled> cancel(@PathVariable String competitionId, @PathVariable String sessionId,
                                     @RequestBody ReasonRequest request,
                                     @RequestHeader(name = CommandDispatch.REASON_HEADER, required = false)
                                     String reasonHeader) {
        String reason = Answers.reason(request.reason(), reasonHeader);
        return Answers.ok(sessions.cancel(competitionId, sessionId, reason).recorded(),
                new Cancelled(sessionId, reason));
    }
}
