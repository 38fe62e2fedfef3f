package org.festivalledger.programme;

import org.festivalledger.http.UnknownId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The programme's venues: added by the organiser (the first one establishes the programme), listed. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/venues")
class VenueController {

    private final ProgrammeVenues venues;
    private final ProgrammeSchedule schedule;
    private final CompetitionsOnRecord competitions;

    VenueController(ProgrammeVenues venues, ProgrammeSchedule schedule, CompetitionsOnRecord competitions) {
        this.venues = venues;
        this.schedule = schedule;
        this.competitions = competitions;
    }

    /** A venue as an organiser adds it; {@code id} is optional. */
    record VenueRequest(String id, String name, Integer capacity, Integer changeoverMinutes) {
    }

    @PostMapping
    ResponseEntity<Map<String, String>> add(@PathVariable String competitionId, @RequestBody VenueRequest request) {
        Booked added = venues.add(competitionId, request.id(), request.name(), request.capacity(),
                request.changeoverMinutes());
        return Answers.created("/api/competitions/" + competitionId + "/venues/" + added.id(), added.recorded(),
                Map.of("id", added.id()));
    }

    @GetMapping
    List<VenueView> list(@PathVariable String competitionId) {
        competitions.known(competitionId);
        return schedule.venues(competitionId);
    }

    @GetMapping("/{venueId}")
    VenueView one(@PathVariable String competitionId, @PathVariable String venueId) {
        return schedule.venues(competitionId).stream().filter(venue -> venue.id().equals(venueId)).findFirst()
                .orElseThrow(() -> new UnknownId("venue", venueId));
    }
}
