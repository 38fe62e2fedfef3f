package org.festivalledger.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.festivalledger.submission.SubmissionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.festivalledger.programme.ProgrammeHistory.COMPETITION;
import static org.festivalledger.programme.ProgrammeHistory.HALL;
import static org.festivalledger.programme.ProgrammeHistory.STUDIO;
import static org.festivalledger.programme.ProgrammeHistory.aProgramme;
import static org.festivalledger.programme.ProgrammeHistory.at;
import static org.festivalledger.programme.ProgrammeHistory.film;
import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.containsString;

/**
 * Screenings: a slot computed from the films' runtimes plus the venue's changeover, never overlapping another
 * booking of its venue, only of films still in the competition; moved and cancelled with reasons.
 */
class ScreeningTest {

    private static final List<ScheduledFilm> TWO_SHORTS = List.of(film("entry-001", 12), film("entry-002", 15));
    private static final List<FilmSlot> TWO_SLOTS = List.of(new FilmSlot("entry-001", 12), new FilmSlot("entry-002", 15));

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    private static ScheduleScreening screening(String id, String venueId, String startsAt, List<ScheduledFilm> films) {
        return new ScheduleScreening(COMPETITION, id, "Shorts " + id, venueId, at(startsAt), films, true);
    }

    @Test
    void aScreeningsSlotIsItsFilmsBackToBackThenTheVenuesChangeover() {
        fixture.given(aProgramme().events())
               .when(screening("s1", HALL, "10:00", TWO_SHORTS))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new ScreeningScheduled(COMPETITION, "s1", "Shorts s1", HALL, at("10:00"), at("10:42"),
                       TWO_SLOTS, 15, true))
               .expectResultMessagePayload(new Slot(HALL, at("10:00"), at("10:42")));
    }

    @Test
    void twoBookingsCannotOverlapInOneVenue() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(screening("s2", HALL, "10:20", List.of(film("entry-003", 10))))
               .expectException(VenueDoubleBooked.class)
               .expectExceptionMessage(containsString("held by screening s1 from 2026-04-20T10:00:00Z until"
                       + " 2026-04-20T10:42:00Z"))
               .expectNoEvents();
    }

    /** The films of s1 end at 10:27; the hall is not free until its changeover ends at 10:42. */
    @Test
    void theChangeoverIsPartOfTheBooking() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(screening("s2", HALL, "10:30", List.of(film("entry-003", 10))))
               .expectException(VenueDoubleBooked.class)
               .expectNoEvents();
    }

    @Test
    void aBookingMayStartTheMomentTheChangeoverEnds() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(screening("s2", HALL, "10:42", List.of(film("entry-003", 10))))
               .expectEvents(new ScreeningScheduled(COMPETITION, "s2", "Shorts s2", HALL, at("10:42"), at("11:07"),
                       List.of(new FilmSlot("entry-003", 10)), 15, true));
    }

    /** 09:33 + 12 minutes of film + 15 of changeover is 10:00, exactly when s1 begins. */
    @Test
    void aBookingMayEndTheMomentTheNextOneBegins() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(screening("s0", HALL, "09:33", List.of(film("entry-003", 12))))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aBookingThatWouldRunIntoTheNextIsRefused() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(screening("s0", HALL, "09:34", List.of(film("entry-003", 12))))
               .expectException(VenueDoubleBooked.class)
               .expectNoEvents();
    }

    @Test
    void anotherVenueIsFreeAtTheSameTime() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(screening("s2", STUDIO, "10:00", TWO_SHORTS))
               .expectEvents(new ScreeningScheduled(COMPETITION, "s2", "Shorts s2", STUDIO, at("10:00"),
                       at("10:37"), TWO_SLOTS, 10, true));
    }

    @Test
    void aCancelledScreeningFreesItsVenue() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").withCancelledScreening("s1").events())
               .when(screening("s2", HALL, "10:00", TWO_SHORTS))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aWithdrawnFilmCannotBeScheduled() {
        fixture.given(aProgramme().events())
               .when(screening("s1", HALL, "10:00", List.of(film("entry-001", 12),
                       new ScheduledFilm("entry-002", 15, SubmissionStatus.WITHDRAWN))))
               .expectException(FilmCannotBeScheduled.class)
               .expectExceptionMessage(containsString("Film entry-002 is WITHDRAWN"))
               .expectNoEvents();
    }

    @Test
    void anIneligibleFilmCannotBeScheduled() {
        fixture.given(aProgramme().events())
               .when(screening("s1", HALL, "10:00",
                       List.of(new ScheduledFilm("entry-001", 12, SubmissionStatus.INELIGIBLE))))
               .expectException(FilmCannotBeScheduled.class)
               .expectNoEvents();
    }

    @Test
    void aScreeningStartsOnTheFestivalsCalendar() {
        // The schedule is laid out in calendar days and written as iCalendar, which has four-digit years.
        fixture.given(aProgramme().events())
               .when(new ScheduleScreening(COMPETITION, "s1", "Far", HALL, Instant.parse("+1000000000-01-01T00:00:00Z"),
                       TWO_SHORTS, true))
               .expectException(invalidFields("startsAt"))
               .expectNoEvents();
    }

    @Test
    void aScreeningEndsOnTheFestivalsCalendarHoweverLongItsFilms() {
        fixture.given(aProgramme().events())
               .when(new ScheduleScreening(COMPETITION, "s1", "Long", HALL, Instant.parse("9999-12-30T00:00:00Z"),
                       List.of(film("entry-001", Integer.MAX_VALUE), film("entry-002", Integer.MAX_VALUE)), true))
               .expectException(invalidFields("submissionIds"))
               .expectNoEvents();
    }

    @Test
    void aScreeningNeedsAVenueOfTheProgramme() {
        fixture.given(aProgramme().events())
               .when(screening("s1", "the-moon", "10:00", TWO_SHORTS))
               .expectException(UnknownVenue.class)
               .expectExceptionMessage(containsString("has no venue the-moon"))
               .expectNoEvents();
    }

    @Test
    void aCompetitionWithoutAProgrammeHasNoVenueToScreenIn() {
        fixture.givenNoPriorActivity()
               .when(screening("s1", HALL, "10:00", TWO_SHORTS))
               .expectException(UnknownVenue.class)
               .expectNoEvents();
    }

    @Test
    void aScreeningNeedsATitleAVenueAStartAndAtLeastOneFilm() {
        fixture.given(aProgramme().events())
               .when(new ScheduleScreening(COMPETITION, "s1", "", null, null, List.of(), true))
               .expectException(invalidFields("title", "venueId", "startsAt", "submissionIds"))
               .expectNoEvents();
    }

    @Test
    void aFilmIsShownOnceInAScreening() {
        fixture.given(aProgramme().events())
               .when(screening("s1", HALL, "10:00", List.of(film("entry-001", 12), film("entry-001", 12))))
               .expectException(invalidFields("submissionIds[1]"))
               .expectNoEvents();
    }

    @Test
    void anIdNamesOneBookingForGoodEvenAfterItsCancellation() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Jia Zhangke")
                                  .withScreening("s1", HALL, "10:00", "10:42").withCancelledScreening("s1").events())
               .when(screening("s1", HALL, "12:00", TWO_SHORTS))
               .expectException(BookingIdTaken.class)
               .expectNoEvents();
    }

    @Test
    void screeningsAndForumSessionsShareOneIdSpace() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Jia Zhangke").events())
               .when(screening("talk-1", HALL, "12:00", TWO_SHORTS))
               .expectException(BookingIdTaken.class)
               .expectExceptionMessage(containsString("already has a forum session talk-1"))
               .expectNoEvents();
    }

    @Test
    void aRescheduleMovesTheScreeningAndRecomputesItsSlot() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(new RescheduleScreening(COMPETITION, "s1", STUDIO, at("14:00"), TWO_SHORTS, "the hall floods"))
               .expectEvents(new ScreeningRescheduled(COMPETITION, "s1", STUDIO, at("14:00"), at("14:37"), TWO_SLOTS,
                       10, 1, "the hall floods"))
               .expectResultMessagePayload(new Slot(STUDIO, at("14:00"), at("14:37")));
    }

    @Test
    void aRescheduleMayKeepTheVenueOrTheStartAndChangeTheFilms() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .andGivenCommands(new RescheduleScreening(COMPETITION, "s1", null, at("11:00"), TWO_SHORTS, null))
               .when(new RescheduleScreening(COMPETITION, "s1", null, null, List.of(film("entry-009", 20)), null))
               .expectEvents(new ScreeningRescheduled(COMPETITION, "s1", HALL, at("11:00"), at("11:35"),
                       List.of(new FilmSlot("entry-009", 20)), 15, 2, null));
    }

    @Test
    void aScreeningMayMoveWithinItsOwnSlot() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(new RescheduleScreening(COMPETITION, "s1", null, at("10:10"), TWO_SHORTS, "late guests"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aRescheduleIntoAClashIsRefused() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42")
                                  .withScreening("s2", STUDIO, "10:00", "10:37").events())
               .when(new RescheduleScreening(COMPETITION, "s2", HALL, at("10:30"), TWO_SHORTS, "bigger room"))
               .expectException(VenueDoubleBooked.class)
               .expectNoEvents();
    }

    @Test
    void aRescheduleCannotCarryAFilmThatHasLeftTheCompetition() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(new RescheduleScreening(COMPETITION, "s1", null, at("16:00"), List.of(film("entry-001", 12),
                       new ScheduledFilm("entry-002", 15, SubmissionStatus.WITHDRAWN)), "evening slot"))
               .expectException(FilmCannotBeScheduled.class)
               .expectNoEvents();
    }

    @Test
    void aCancelledScreeningCannotBeRescheduled() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").withCancelledScreening("s1").events())
               .when(new RescheduleScreening(COMPETITION, "s1", null, at("16:00"), TWO_SHORTS, null))
               .expectException(AlreadyCancelled.class)
               .expectExceptionMessage(containsString("schedule a new one instead"))
               .expectNoEvents();
    }

    @Test
    void onlyAScheduledScreeningCanBeRescheduled() {
        fixture.given(aProgramme().events())
               .when(new RescheduleScreening(COMPETITION, "s9", null, at("16:00"), TWO_SHORTS, null))
               .expectException(UnknownBooking.class)
               .expectExceptionMessage(containsString("has no screening s9"))
               .expectNoEvents();
    }

    @Test
    void aScreeningIsCancelledWithItsReason() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(new CancelScreening(COMPETITION, "s1", "the print did not arrive"))
               .expectEvents(new ScreeningCancelled(COMPETITION, "s1", "the print did not arrive"));
    }

    @Test
    void aCancellationNeedsAReason() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(new CancelScreening(COMPETITION, "s1", " "))
               .expectException(invalidFields("reason"))
               .expectNoEvents();
    }

    @Test
    void aScreeningIsCancelledOnce() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").withCancelledScreening("s1").events())
               .when(new CancelScreening(COMPETITION, "s1", "really cancelled"))
               .expectException(AlreadyCancelled.class)
               .expectNoEvents();
    }

    @Test
    void aForumSessionIsNotReachedAsAScreening() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Jia Zhangke").events())
               .when(new CancelScreening(COMPETITION, "talk-1", "wrong door"))
               .expectException(UnknownBooking.class)
               .expectNoEvents();
    }
}
