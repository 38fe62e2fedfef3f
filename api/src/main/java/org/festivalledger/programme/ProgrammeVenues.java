package org.festivalledger.programme;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.EntityIds;
import org.springframework.stereotype.Service;

/** Adding a venue to a competition's programme: the one way the JSON API and the organiser's pages do it. */
@Service
class ProgrammeVenues {

    private final CommandDispatch dispatch;
    private final CompetitionsOnRecord competitions;

    ProgrammeVenues(CommandDispatch dispatch, CompetitionsOnRecord competitions) {
        this.dispatch = dispatch;
        this.competitions = competitions;
    }

    /** A venue added; {@code venueId} null lets the server choose one. */
    Booked add(String competitionId, String venueId, String name, Integer capacity, Integer changeoverMinutes) {
        String id = EntityIds.chosenOrNew("id", venueId);
        competitions.knownAtHead(competitionId);
        return new Booked(id, dispatch.send(new AddVenue(competitionId, id, name, capacity, changeoverMinutes), null));
    }
}
