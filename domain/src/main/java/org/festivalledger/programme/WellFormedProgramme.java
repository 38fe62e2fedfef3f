package org.festivalledger.programme;

import org.festivalledger.rules.Bounds;
import org.festivalledger.rules.Problems;
import org.festivalledger.rules.TextKind;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What each programme request must state before it is considered, field by field as the API names them;
 * kept apart so the Programme reads as behaviour.
 */
final class WellFormedProgramme {

    /** A day: a changeover longer than that is a typing mistake, not a festival's practice. */
    static final int MAX_CHANGEOVER_MINUTES = 24 * 60;

    private WellFormedProgramme() {
    }

    static Problems problemsOf(AddVenue command) {
        Problems problems = new Problems()
                .requireText(command.venueId(), "id")
                .requireText(command.name(), "name")
                .limitText(command.name(), "name", TextKind.LINE)
                .requirePresent(command.capacity(), "capacity")
                .requirePresent(command.changeoverMinutes(), "changeoverMinutes");
        if (command.capacity() != null) {
            problems.check(command.capacity() >= 1, "capacity", "must be at least 1");
        }
        if (command.changeoverMinutes() != null) {
            problems.check(command.changeoverMinutes() >= 0 && command.changeoverMinutes() <= MAX_CHANGEOVER_MINUTES,
                    "changeoverMinutes", "must be between 0 and " + MAX_CHANGEOVER_MINUTES);
        }
        return problems;
    }

    static Problems problemsOf(ScheduleScreening command) {
        Problems problems = new Problems()
                .requireText(command.screeningId(), "id")
                .requireText(command.title(), "title")
                .limitText(command.title(), "title", TextKind.LINE)
                .requireText(command.venueId(), "venueId")
                .requirePresent(command.startsAt(), "startsAt")
                .limitTime(command.startsAt(), "startsAt");
        checkFilms(command.films(), problems);
        return problems;
    }

    static Problems problemsOf(RescheduleScreening command) {
        Problems problems = new Problems().requireText(command.screeningId(), "screeningId")
                .limitTime(command.startsAt(), "startsAt")
                .limitText(command.reason(), "reason", TextKind.PROSE);
        checkFilms(command.films(), problems);
        return problems;
    }

    static Problems problemsOf(ScheduleForumSession command) {
        Problems problems = new Problems()
                .requireText(command.sessionId(), "id")
                .requireText(command.title(), "title")
                .limitText(command.title(), "title", TextKind.LINE);
        checkSpeakers(command.speakers(), problems);
        problems.requireText(command.venueId(), "venueId");
        checkTimes(command.startsAt(), command.endsAt(), problems);
        return problems;
    }

    /** Both times stated, and the end after the start (a session of no length holds nothing). */
    static Problems checkTimes(Instant startsAt, Instant endsAt, Problems problems) {
        problems.requirePresent(startsAt, "startsAt").requirePresent(endsAt, "endsAt")
                .limitTime(startsAt, "startsAt").limitTime(endsAt, "endsAt");
        if (startsAt != null && endsAt != null) {
            problems.check(endsAt.isAfter(startsAt), "endsAt", "must be after startsAt (" + startsAt + ")");
        }
        return problems;
    }

    private static void checkFilms(List<ScheduledFilm> films, Problems problems) {
        if (films == null || films.isEmpty()) {
            problems.check(false, "submissionIds", "must name at least one film");
            return;
        }
        problems.limitCount(films, "submissionIds", Bounds.MAX_ITEMS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < films.size(); i++) {
            String field = "submissionIds[" + i + "]";
            ScheduledFilm film = films.get(i);
            if (film == null || TextKind.isBlank(film.submissionId())) {
                problems.check(false, field, "must not be blank");
                continue;
            }
            problems.check(seen.add(film.submissionId()), field, "names the film '" + film.submissionId() + "' again")
                    .check(film.runtimeMinutes() >= 1, field, "has no runtime to schedule")
                    .requirePresent(film.status(), field + ".status");
        }
    }

    private static void checkSpeakers(List<String> speakers, Problems problems) {
        if (speakers == null || speakers.isEmpty()) {
            problems.check(false, "speakers", "must name at least one speaker");
            return;
        }
        problems.limitCount(speakers, "speakers", Bounds.MAX_ITEMS);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < speakers.size(); i++) {
            String speaker = speakers.get(i);
            String field = "speakers[" + i + "]";
            problems.requireText(speaker, field).limitText(speaker, field, TextKind.LINE);
            if (!TextKind.isBlank(speaker)) {
                problems.check(seen.add(Speakers.key(speaker)), field, "names '" + speaker.strip() + "' again");
            }
        }
    }
}
