package org.festivalledger.programme;

import org.festivalledger.submission.SubmissionStatus;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Lays a stored programme out as a schedule for one audience: a pure function of the programme, the films' facts
 * and the time zone, so the same ledger position always gives the same schedule.
 * <p>
 * Warnings are worked out here, at read time, from the films' current status rather than stored when a
 * withdrawal is handled: a withdrawal recorded before or after the screening was scheduled, or after a reschedule
 * that read the film a moment earlier, flags the screening all the same, and a reschedule without the film or a
 * cancellation clears it without any bookkeeping.
 */
final class ScheduleLayout {

    /** Who the schedule is for. */
    enum Audience { ORGANISER, PUBLIC }

    private static final Comparator<ScheduleItem> BY_START =
            Comparator.comparing(ScheduleItem::startsAt).thenComparing(ScheduleItem::id);

    private ScheduleLayout() {
    }

    static Schedule of(ProgrammeView programme, Function<String, FilmFacts> films, ZoneId zone, Audience audience) {
        Map<LocalDate, List<ScheduleItem>> byDay = new TreeMap<>();
        programme.items().values().stream()
                .filter(item -> audience == Audience.ORGANISER || item.publicItem() && !item.cancelled())
                .sorted(BY_START)
                .forEach(item -> byDay.computeIfAbsent(LocalDate.ofInstant(item.startsAt(), zone),
                        day -> new ArrayList<>()).add(item));
        List<ScheduleDay> days = new ArrayList<>();
        byDay.forEach((date, items) -> {
            List<VenueSchedule> venues = new ArrayList<>();
            for (VenueView venue : programme.venues()) {
                List<ScheduleEntry> entries = items.stream().filter(item -> item.venueId().equals(venue.id()))
                        .map(item -> entry(item, films, audience)).toList();
                if (!entries.isEmpty()) {
                    venues.add(new VenueSchedule(venue.id(), venue.name(), venue.capacity(), entries));
                }
            }
            days.add(new ScheduleDay(date, List.copyOf(venues)));
        });
        return new Schedule(programme.competitionId(), zone.getId(), List.copyOf(days));
    }

    /** Every public item, cancelled ones too, by start: what a calendar feed publishes. */
    static List<CalendarItem> calendar(ProgrammeView programme, Function<String, FilmFacts> films) {
        return programme.items().values().stream().filter(ScheduleItem::publicItem).sorted(BY_START)
                .map(item -> new CalendarItem(item.id(), item.kind(), item.title(), item.startsAt(), item.endsAt(),
                        programme.venue(item.venueId()).map(VenueView::name).orElse(item.venueId()),
                        item.films().stream().map(slot -> titleOf(slot, films)).toList(), item.speakers(),
                        item.cancelled(), item.sequence(), item.changedAt()))
                .toList();
    }

    private static ScheduleEntry entry(ScheduleItem item, Function<String, FilmFacts> films, Audience audience) {
        boolean organiser = audience == Audience.ORGANISER;
        List<FilmLine> lines = item.films().stream().map(slot -> {
            FilmFacts facts = films.apply(slot.submissionId());
            return new FilmLine(slot.submissionId(), titleOf(slot, films), slot.runtimeMinutes(),
                    organiser && facts != null ? facts.status() : null);
        }).toList();
        return new ScheduleEntry(item.id(), item.kind(), item.title(), item.startsAt(), item.endsAt(), item.venueId(),
                lines, item.speakers(), item.cancelled() ? "CANCELLED" : "SCHEDULED",
                organiser ? item.publicItem() : null, organiser ? item.sequence() : null,
                organiser ? item.changeReason() : null, organiser ? warnings(item, films) : null);
    }

    private static List<ScheduleWarning> warnings(ScheduleItem item, Function<String, FilmFacts> films) {
        if (item.cancelled()) {
            return List.of();
        }
        List<ScheduleWarning> warnings = new ArrayList<>();
        for (FilmSlot slot : item.films()) {
            FilmFacts facts = films.apply(slot.submissionId());
            if (facts != null && facts.status() != SubmissionStatus.RECEIVED) {
                warnings.add(new ScheduleWarning("FILM_" + facts.status().name(), slot.submissionId(),
                        "'" + facts.title() + "' (" + slot.submissionId() + ") " + left(facts)
                                + "; reschedule this screening without it, or cancel it"));
            }
        }
        return List.copyOf(warnings);
    }

    private static String left(FilmFacts facts) {
        String how = switch (facts.status()) {
            case WITHDRAWN -> "was withdrawn";
            case INELIGIBLE -> "was ruled ineligible";
            default -> "is " + facts.status();
        };
        return facts.statusReason() == null ? how : how + ": " + facts.statusReason();
    }

    private static String titleOf(FilmSlot slot, Function<String, FilmFacts> films) {
        FilmFacts facts = films.apply(slot.submissionId());
        return facts == null ? slot.submissionId() : facts.title();
    }
}
