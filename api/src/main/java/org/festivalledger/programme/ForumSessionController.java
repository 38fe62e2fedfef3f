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

/** Forum sessions: talks and panels with their speakers, scheduled, moved and cancelled. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/forum-sessions")
class ForumSessionController {

    private final CommandDispatch dispatch;
    private final ProgrammeSchedule schedule;
    private final CompetitionsOnRecord competitions;

    ForumSessionController(CommandDispatch dispatch, ProgrammeSchedule schedule, CompetitionsOnRecord competitions) {
        this.dispatch = dispatch;
        this.schedule = schedule;
        this.competitions = competitions;
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
        String id = EntityIds.chosenOrNew("id", request.id());
        competitions.knownAtHead(competitionId);
        Recorded recorded = dispatch.send(new ScheduleForumSession(competitionId, id, request.title(),
                request.speakers(), request.venueId(), request.startsAt(), request.endsAt(),
                request.isPublic() == null || request.isPublic()), null);
        return Answers.created("/api/competitions/" + competitionId + "/forum-sessions/" + id, recorded,
                Placed.of(id, recorded));
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
        competitions.knownAtHead(competitionId);
        String reason = Answers.reason(request.reason(), reasonHeader);
        Recorded recorded = dispatch.send(new RescheduleForumSession(competitionId, sessionId, request.venueId(),
                request.startsAt(), request.endsAt(), reason), reason);
        return Answers.ok(recorded, Placed.of(sessionId, recorded));
    }

    @PostMapping("/{sessionId}/cancellation")
    ResponseEntity<Cancelled> cancel(@PathVariable String competitionId, @PathVariable String sessionId,
                                     @RequestBody ReasonRequest request,
                                     @RequestHeader(name = CommandDispatch.REASON_HEADER, required = false)
                                     String reasonHeader) {
        competitions.knownAtHead(competitionId);
        String reason = Answers.reason(request.reason(), reasonHeader);
        Recorded recorded = dispatch.send(new CancelForumSession(competitionId, sessionId, reason), reason);
        return Answers.ok(recorded, new Cancelled(sessionId, reason));
    }
}
