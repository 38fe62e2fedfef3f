package org.festivalledger.programme;

import org.festivalledger.competition.CompetitionView;
import org.festivalledger.rules.InvalidInput;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.ZoneId;

/**
 * The schedule by day and venue: the organiser's (everything, cancelled items and warnings included) and the
 * public's (public items still on), the latter also as an iCalendar feed. Days are the festival's calendar days
 * ({@code ledger.programme.time-zone}) unless {@code ?timeZone=} names another zone; times are always UTC instants.
 */
@RestController
class ScheduleController {

    static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=utf-8");

    private final ProgrammeSchedule schedule;
    private final CompetitionsOnRecord competitions;

    ScheduleController(ProgrammeSchedule schedule, CompetitionsOnRecord competitions) {
        this.schedule = schedule;
        this.competitions = competitions;
    }

    @GetMapping("/api/competitions/{competitionId}/schedule")
    Schedule organisers(@PathVariable String competitionId, @RequestParam(required = false) String timeZone) {
        competitions.known(competitionId);
        return schedule.organiserSchedule(competitionId, zone(timeZone));
    }

    @GetMapping("/api/public/competitions/{competitionId}/schedule")
    Schedule publicSchedule(@PathVariable String competitionId, @RequestParam(required = false) String timeZone) {
        competitions.known(competitionId);
        return schedule.publicSchedule(competitionId, zone(timeZone));
    }

    @GetMapping("/api/public/competitions/{competitionId}/schedule.ics")
    ResponseEntity<String> calendar(@PathVariable String competitionId) {
        CompetitionView competition = competitions.known(competitionId);
        String feed = ScheduleCalendar.of(competitionId, competition.name() + " " + competition.edition(),
                schedule.publicCalendar(competitionId));
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + competitionId + ".ics\"")
                .body(feed);
    }

    private ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return schedule.festivalZone();
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw InvalidInput.of("timeZone", "is not a time zone such as Asia/Shanghai or UTC");
        }
    }
}
