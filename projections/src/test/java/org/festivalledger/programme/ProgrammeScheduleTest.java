package org.festivalledger.programme;

import org.festivalledger.OnAnEmbeddedStore;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.SubmissionReceived;
import org.festivalledger.submission.SubmissionRuledIneligible;
import org.festivalledger.submission.SubmissionStatus;
import org.festivalledger.submission.SubmissionWithdrawn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schedule read model, events in and schedule out: grouping by festival day and venue, reschedules and
 * cancellations, the warning a withdrawn film raises and what clears it, and what the public may see.
 */
class ProgrammeScheduleTest extends OnAnEmbeddedStore {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final Instant RECORDED = Instant.parse("2026-03-01T08:00:00Z");


    private ProgrammeSchedule schedule;
    private String competition;

    /** A competition with two venues and three entries; each test has its own, so they share one store. */
    @BeforeEach
    void aProgrammeWithTwoVenuesAndThreeEntries() {
        schedule = new ProgrammeSchedule(database, "Asia/Shanghai");
        competition = "c-" + UUID.randomUUID().toString().substring(0, 8);
        schedule.on(new ProgrammeEstablished(competition));
        schedule.on(new VenueAdded(competition, "hall", "Cinema Hall 1", 420, 15));
        schedule.on(new VenueAdded(competition, "studio", "Forum Studio", 80, 10));
        received("e1", "Paper Moons", 12);
        received("e2", "Salt Tides", 15);
        received("e3", "Neon Rivers", 20);
    }

    private void received(String id, String title, int runtime) {
        schedule.on(new SubmissionReceived(competition + "-" + id, competition, new Entry(title, List.of("Li Wei"),
                "CN", runtime, "A film.", new AiDisclosure(List.of("Runway"), AiWorkflow.HYBRID)), RECORDED));
    }

    private String entry(String id) {
        return competition + "-" + id;
    }

    private void screened(String id, String venue, String startsAt, String endsAt, boolean isPublic, String... films) {
        List<FilmSlot> slots = java.util.Arrays.stream(films).map(film -> new FilmSlot(entry(film), 10)).toList();
        schedule.on(new ScreeningScheduled(competition, id, "Shorts " + id, venue, Instant.parse(startsAt),
                Instant.parse(endsAt), slots, 15, isPublic), RECORDED);
    }

    private ScheduleEntry organiserEntry(String id) {
        return schedule.organiserSchedule(competition, BEIJING).entries().stream()
                .filter(entry -> entry.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theScheduleIsGroupedByFestivalDayThenVenueInTheOrderVenuesWereAdded() {
        // 23:30 and 00:30 in Beijing: the same UTC date, two festival days.
        screened("late", "hall", "2026-04-20T15:30:00Z", "2026-04-20T16:05:00Z", true, "e1");
        screened("midnight", "hall", "2026-04-20T16:30:00Z", "2026-04-20T17:05:00Z", true, "e2");
        schedule.on(new ForumSessionScheduled(competition, "talk", "Authorship after AI", List.of("Hana Sato"),
                "studio", Instant.parse("2026-04-20T02:00:00Z"), Instant.parse("2026-04-20T03:00:00Z"), true),
                RECORDED);
        screened("morning", "hall", "2026-04-20T01:00:00Z", "2026-04-20T01:35:00Z", true, "e3");

        Schedule shown = schedule.publicSchedule(competition);

        assertThat(shown.timeZone()).isEqualTo("Asia/Shanghai");
        assertThat(shown.days()).extracting(ScheduleDay::date)
                .containsExactly(LocalDate.parse("2026-04-20"), LocalDate.parse("2026-04-21"));
        ScheduleDay first = shown.days().get(0);
        assertThat(first.venues()).extracting(VenueSchedule::name).containsExactly("Cinema Hall 1", "Forum Studio");
        assertThat(first.venues().get(0).items()).extracting(ScheduleEntry::id).containsExactly("morning", "late");
        assertThat(first.venues().get(1).items().get(0).speakers()).containsExactly("Hana Sato");
        assertThat(shown.days().get(1).venues().get(0).items()).extracting(ScheduleEntry::id)
                .containsExactly("midnight");
        assertThat(first.venues().get(0).items().get(0).films()).extracting(FilmLine::title)
                .containsExactly("Neon Rivers");
        // Grouped by UTC days instead, both hall screenings of the 20th fall on one day.
        assertThat(schedule.publicSchedule(competition, ZoneId.of("UTC")).days()).hasSize(1);
    }

    @Test
    void theScheduleFollowsReschedulesAndCancellations() {
        screened("s1", "hall", "2026-04-20T02:00:00Z", "2026-04-20T02:35:00Z", true, "e1");
        screened("s2", "hall", "2026-04-20T04:00:00Z", "2026-04-20T04:35:00Z", true, "e2");
        schedule.on(new ScreeningRescheduled(competition, "s1", "studio", Instant.parse("2026-04-21T06:00:00Z"),
                Instant.parse("2026-04-21T06:40:00Z"), List.of(new FilmSlot(entry("e3"), 30)), 10, 1,
                "the hall floods"), RECORDED.plusSeconds(60));
        schedule.on(new ScreeningCancelled(competition, "s2", "the print did not arrive"), RECORDED.plusSeconds(120));

        ScheduleEntry moved = organiserEntry("s1");
        assertThat(moved.venueId()).isEqualTo("studio");
        assertThat(moved.startsAt()).isEqualTo(Instant.parse("2026-04-21T06:00:00Z"));
        assertThat(moved.endsAt()).isEqualTo(Instant.parse("2026-04-21T06:40:00Z"));
        assertThat(moved.films()).extracting(FilmLine::title).containsExactly("Neon Rivers");
        assertThat(moved.revision()).isEqualTo(1);
        assertThat(moved.changeReason()).isEqualTo("the hall floods");

        ScheduleEntry cancelled = organiserEntry("s2");
        assertThat(cancelled.status()).isEqualTo("CANCELLED");
        assertThat(cancelled.changeReason()).isEqualTo("the print did not arrive");

        Schedule publicView = schedule.publicSchedule(competition);
        assertThat(publicView.entries()).extracting(ScheduleEntry::id).containsExactly("s1");
        assertThat(publicView.days()).extracting(ScheduleDay::date).containsExactly(LocalDate.parse("2026-04-21"));
    }

    @Test
    void aFilmWithdrawnAfterItWasScheduledFlagsItsScreeningsUntilARescheduleWithoutIt() {
        screened("s1", "hall", "2026-04-20T02:00:00Z", "2026-04-20T02:35:00Z", true, "e1", "e2");
        screened("s2", "studio", "2026-04-20T09:00:00Z", "2026-04-20T09:35:00Z", false, "e2");
        assertThat(organiserEntry("s1").warnings()).isEmpty();

        schedule.on(new SubmissionWithdrawn(entry("e2"), competition, "signed with a distributor"));

        ScheduleWarning warning = organiserEntry("s1").warnings().get(0);
        assertThat(warning.code()).isEqualTo("FILM_WITHDRAWN");
        assertThat(warning.submissionId()).isEqualTo(entry("e2"));
        assertThat(warning.message()).contains("'Salt Tides'", "was withdrawn: signed with a distributor");
        assertThat(organiserEntry("s2").warnings()).hasSize(1);
        assertThat(organiserEntry("s1").films()).extracting(FilmLine::status)
                .containsExactly(SubmissionStatus.RECEIVED, SubmissionStatus.WITHDRAWN);

        schedule.on(new ScreeningRescheduled(competition, "s1", "hall", Instant.parse("2026-04-20T02:00:00Z"),
                Instant.parse("2026-04-20T02:27:00Z"), List.of(new FilmSlot(entry("e1"), 12)), 15, 1,
                "Salt Tides withdrawn"), RECORDED);

        assertThat(organiserEntry("s1").warnings()).isEmpty();
        assertThat(organiserEntry("s2").warnings()).as("the other screening is still flagged").hasSize(1);
    }

    @Test
    void aCancellationClearsTheWarning() {
        screened("s1", "hall", "2026-04-20T02:00:00Z", "2026-04-20T02:35:00Z", true, "e1");
        schedule.on(new SubmissionRuledIneligible(entry("e1"), competition, "made before the window"));
        assertThat(organiserEntry("s1").warnings()).extracting(ScheduleWarning::code)
                .containsExactly("FILM_INELIGIBLE");

        schedule.on(new ScreeningCancelled(competition, "s1", "its only film left the competition"), RECORDED);

        assertThat(organiserEntry("s1").warnings()).isEmpty();
    }

    /** The withdrawal was recorded just before a screening that had read the film a moment earlier. */
    @Test
    void aWithdrawalRecordedBeforeTheScreeningFlagsItAllTheSame() {
        schedule.on(new SubmissionWithdrawn(entry("e3"), competition, "withdrawn by the team"));
        screened("s1", "hall", "2026-04-20T02:00:00Z", "2026-04-20T02:35:00Z", true, "e3");

        assertThat(organiserEntry("s1").warnings()).extracting(ScheduleWarning::code)
                .containsExactly("FILM_WITHDRAWN");
    }

    @Test
    void thePublicSeesPublicItemsStillOnWithoutTheOrganisersNotes() {
        screened("open", "hall", "2026-04-20T02:00:00Z", "2026-04-20T02:35:00Z", true, "e1");
        screened("press", "hall", "2026-04-20T03:00:00Z", "2026-04-20T03:35:00Z", false, "e2");
        screened("off", "hall", "2026-04-20T04:00:00Z", "2026-04-20T04:35:00Z", true, "e3");
        schedule.on(new ScreeningCancelled(competition, "off", "no projectionist"), RECORDED);
        schedule.on(new SubmissionWithdrawn(entry("e1"), competition, "private reason"));

        List<ScheduleEntry> shown = schedule.publicSchedule(competition).entries();

        assertThat(shown).extracting(ScheduleEntry::id).containsExactly("open");
        ScheduleEntry open = shown.get(0);
        assertThat(open.warnings()).isNull();
        assertThat(open.publicItem()).isNull();
        assertThat(open.changeReason()).isNull();
        assertThat(open.films().get(0).status()).isNull();
        assertThat(schedule.organiserSchedule(competition, BEIJING).entries()).extracting(ScheduleEntry::id)
                .containsExactly("open", "press", "off");
    }

    @Test
    void theCalendarKeepsCancelledPublicItemsWithARisingSequence() {
        screened("s1", "hall", "2026-04-20T02:00:00Z", "2026-04-20T02:35:00Z", true, "e1");
        screened("press", "hall", "2026-04-20T03:00:00Z", "2026-04-20T03:35:00Z", false, "e2");
        schedule.on(new ScreeningRescheduled(competition, "s1", "hall", Instant.parse("2026-04-20T05:00:00Z"),
                Instant.parse("2026-04-20T05:35:00Z"), List.of(new FilmSlot(entry("e1"), 12)), 15, 1, null),
                RECORDED.plusSeconds(60));
        schedule.on(new ScreeningCancelled(competition, "s1", "no projectionist"), RECORDED.plusSeconds(120));

        List<CalendarItem> calendar = schedule.publicCalendar(competition);

        assertThat(calendar).hasSize(1);
        CalendarItem item = calendar.get(0);
        assertThat(item.cancelled()).isTrue();
        assertThat(item.sequence()).isEqualTo(2);
        assertThat(item.changedAt()).isEqualTo(RECORDED.plusSeconds(120));
        assertThat(item.venueName()).isEqualTo("Cinema Hall 1");
        assertThat(item.films()).containsExactly("Paper Moons");
    }

    @Test
    void aRestartReadsTheStoredScheduleAndAnEventHandledTwiceChangesNothing() {
        screened("s1", "hall", "2026-04-20T02:00:00Z", "2026-04-20T02:35:00Z", true, "e1");
        ScreeningCancelled cancelled = new ScreeningCancelled(competition, "s1", "no projectionist");
        schedule.on(cancelled, RECORDED);
        schedule.on(new SubmissionWithdrawn(entry("e2"), competition, "gone"));
        Schedule before = schedule.organiserSchedule(competition, BEIJING);

        ProgrammeSchedule restarted = new ProgrammeSchedule(database, "Asia/Shanghai");
        restarted.on(cancelled, RECORDED.plusSeconds(600));

        assertThat(restarted.organiserSchedule(competition, BEIJING)).isEqualTo(before);
        assertThat(restarted.film(entry("e2")).orElseThrow().status()).isEqualTo(SubmissionStatus.WITHDRAWN);
        assertThat(restarted.venues(competition)).extracting(VenueView::id).containsExactly("hall", "studio");
    }

    @Test
    void aCompetitionWithoutAProgrammeHasAnEmptySchedule() {
        assertThat(schedule.publicSchedule("no-such-competition").days()).isEmpty();
        assertThat(schedule.publicCalendar("no-such-competition")).isEmpty();
    }
}
