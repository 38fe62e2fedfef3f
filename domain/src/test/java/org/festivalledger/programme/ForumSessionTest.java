package org.festivalledger.programme;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.festivalledger.programme.ProgrammeHistory.COMPETITION;
import static org.festivalledger.programme.ProgrammeHistory.HALL;
import static org.festivalledger.programme.ProgrammeHistory.STUDIO;
import static org.festivalledger.programme.ProgrammeHistory.aProgramme;
import static org.festivalledger.programme.ProgrammeHistory.at;
import static org.festivalledger.programme.ProgrammeHistory.film;
import static org.festivalledger.rules.Refusals.invalidFields;
import static org.hamcrest.Matchers.containsString;

/** Forum sessions: speakers in one place at a time, venues turned round after each session, moved and cancelled. */
class ForumSessionTest {

    private FixtureConfiguration<Programme> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Programme.class);
    }

    private static ScheduleForumSession session(String id, String venueId, String startsAt, String endsAt,
                                                String... speakers) {
        return new ScheduleForumSession(COMPETITION, id, "Panel " + id, List.of(speakers), venueId, at(startsAt),
                at(endsAt), true);
    }

    @Test
    void aForumSessionIsScheduledWithItsSpeakers() {
        fixture.given(aProgramme().events())
               .when(new ScheduleForumSession(COMPETITION, "talk-1", " Authorship after AI ",
                       List.of(" Jia Zhangke", "Hana Sato "), STUDIO, at("09:00"), at("10:00"), false))
               .expectEvents(new ForumSessionScheduled(COMPETITION, "talk-1", "Authorship after AI",
                       List.of("Jia Zhangke", "Hana Sato"), STUDIO, at("09:00"), at("10:00"), false));
    }

    @Test
    void aSessionEndsAfterItStarts() {
        fixture.given(aProgramme().events())
               .when(session("talk-1", STUDIO, "10:00", "09:00", "Jia Zhangke"))
               .expectException(invalidFields("endsAt"))
               .expectExceptionMessage(containsString("must be after startsAt"))
               .expectNoEvents();
    }

    @Test
    void aSessionStatesItsTitleSpeakersVenueAndTimes() {
        fixture.given(aProgramme().events())
               .when(new ScheduleForumSession(COMPETITION, "talk-1", null, List.of("Jia Zhangke", " jia  zhangke", ""),
                       null, null, null, true))
               .expectException(invalidFields("title", "speakers[1]", "speakers[2]", "venueId", "startsAt", "endsAt"))
               .expectNoEvents();
    }

    @Test
    void aSpeakerCannotBeInTwoSessionsAtOnce() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Jia Zhangke", "Hana Sato").events())
               .when(session("talk-2", HALL, "09:30", "10:30", "Hana Sato"))
               .expectException(SpeakerDoubleBooked.class)
               .expectExceptionMessage(containsString("Hana Sato already speaks in forum session talk-1"))
               .expectNoEvents();
    }

    @Test
    void aSpeakerIsTheSameWhateverTheCaseAndSpacing() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato").events())
               .when(session("talk-2", HALL, "09:59", "10:30", "hana  SATO"))
               .expectException(SpeakerDoubleBooked.class)
               .expectNoEvents();
    }

    /** The changeover is the venue's: a speaker may walk from one session straight into the next elsewhere. */
    @Test
    void aSpeakerMayGoStraightFromOneSessionToTheNext() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato").events())
               .when(session("talk-2", HALL, "10:00", "11:00", "Hana Sato"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aCancelledSessionFreesItsSpeakers() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato")
                                  .withCancelledSession("talk-1").events())
               .when(session("talk-2", HALL, "09:00", "10:00", "Hana Sato"))
               .expectSuccessfulHandlerExecution();
    }

    /** The studio needs 10 minutes after talk-1 ends at 10:00, whatever comes next. */
    @Test
    void aSessionIsFollowedByItsVenuesChangeover() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato").events())
               .when(new ScheduleScreening(COMPETITION, "s1", "Shorts", STUDIO, at("10:05"),
                       List.of(film("entry-001", 12)), true))
               .expectException(VenueDoubleBooked.class)
               .expectNoEvents();
    }

    @Test
    void aSessionMayStartWhenTheVenuesChangeoverEnds() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(session("talk-1", HALL, "10:42", "11:30", "Hana Sato"))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void aSessionCannotOverlapAScreeningInItsVenue() {
        fixture.given(aProgramme().withScreening("s1", HALL, "10:00", "10:42").events())
               .when(session("talk-1", HALL, "10:30", "11:30", "Hana Sato"))
               .expectException(VenueDoubleBooked.class)
               .expectNoEvents();
    }

    @Test
    void aMovedSessionKeepsItsLengthAndCountsItsRevisions() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato").events())
               .when(new RescheduleForumSession(COMPETITION, "talk-1", HALL, at("15:00"), null, "more seats needed"))
               .expectEvents(new ForumSessionRescheduled(COMPETITION, "talk-1", HALL, at("15:00"), at("16:00"), 1,
                       "more seats needed"))
               .expectResultMessagePayload(new Slot(HALL, at("15:00"), at("16:00")));
    }

    @Test
    void aSessionCannotBeMovedOntoOneOfItsSpeakersOtherSessions() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato")
                                  .withSession("talk-2", HALL, "11:00", "12:00", "Hana Sato").events())
               .when(new RescheduleForumSession(COMPETITION, "talk-1", null, at("11:30"), null, null))
               .expectException(SpeakerDoubleBooked.class)
               .expectNoEvents();
    }

    @Test
    void aMovedSessionStillEndsAfterItStarts() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato").events())
               .when(new RescheduleForumSession(COMPETITION, "talk-1", null, at("11:00"), at("10:00"), null))
               .expectException(invalidFields("endsAt"))
               .expectNoEvents();
    }

    @Test
    void aSessionIsCancelledOnceWithAReason() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato").events())
               .when(new CancelForumSession(COMPETITION, "talk-1", "the speaker is ill"))
               .expectEvents(new ForumSessionCancelled(COMPETITION, "talk-1", "the speaker is ill"));
    }

    @Test
    void aSessionIsNotCancelledTwice() {
        fixture.given(aProgramme().withSession("talk-1", STUDIO, "09:00", "10:00", "Hana Sato")
                                  .withCancelledSession("talk-1").events())
               .when(new CancelForumSession(COMPETITION, "talk-1", "still ill"))
               .expectException(AlreadyCancelled.class)
               .expectNoEvents();
    }
}
