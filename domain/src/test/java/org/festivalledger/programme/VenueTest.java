package org.festivalledger.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.festivalledger.programme.ProgrammeHistory.COMPETITION;
import static org.festivalledger.programme.ProgrammeHistory.HALL;
import static org.festivalledger.programme.ProgrammeHistory.aProgramme;
import static org.festivalledger.rules.Refusals.invalidFields;

/** Venues: the first one establishes the competition's programme; each is added once, with seats and a changeover. */
class VenueTest {

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    @Test
    void theFirstVenueEstablishesTheProgramme() {
        fixture.givenNoPriorActivity()
               .when(new AddVenue(COMPETITION, "hall-1", " Cinema Hall 1 ", 420, 15))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ProgrammeEstablished(COMPETITION),
                       new VenueAdded(COMPETITION, "hall-1", "Cinema Hall 1", 420, 15));
    }

    @Test
    void aFurtherVenueJoinsTheEstablishedProgramme() {
        fixture.given(aProgramme().events())
               .when(new AddVenue(COMPETITION, "rooftop", "Rooftop Screen", 150, 0))
               .expectEvents(new VenueAdded(COMPETITION, "rooftop", "Rooftop Screen", 150, 0));
    }

    @Test
    void aVenueIsAddedOnce() {
        fixture.given(aProgramme().events())
               .when(new AddVenue(COMPETITION, HALL, "Cinema Hall 1 again", 400, 15))
               .expectException(VenueAlreadyAdded.class)
               .expectNoEvents();
    }

    @Test
    void aVenueNeedsANameSeatsAndAChangeoverOfAtMostADay() {
        fixture.givenNoPriorActivity()
               .when(new AddVenue(COMPETITION, "hall-9", " ", 0, 1441))
               .expectException(invalidFields("name", "capacity", "changeoverMinutes"))
               .expectNoEvents();
    }

    @Test
    void aVenueStatesItsCapacityAndChangeover() {
        fixture.givenNoPriorActivity()
               .when(new AddVenue(COMPETITION, "hall-9", "Hall 9", null, null))
               .expectException(invalidFields("capacity", "changeoverMinutes"))
               .expectNoEvents();
    }

    @Test
    void aVenueMayNeedNoChangeoverAtAll() {
        fixture.given(aProgramme().events())
               .when(new AddVenue(COMPETITION, "lawn", "Open-air lawn", 1000, 0))
               .expectSuccessfulHandlerExecution();
    }
}
