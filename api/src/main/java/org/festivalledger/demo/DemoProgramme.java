package org.festivalledger.demo;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.programme.AddVenue;
import org.festivalledger.programme.ProgrammeId;
import org.festivalledger.programme.ProgrammeSchedule;
import org.festivalledger.programme.ScheduleForumSession;
import org.festivalledger.programme.ScheduleScreening;
import org.festivalledger.programme.ScheduledFilm;
import org.festivalledger.identity.Actor;
import org.festivalledger.identity.Role;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's programme: three venues at the festival's home in Huairou, screenings of the films the caller names
 * (two shorts a screening, each block shown twice, plus a press screening of them all) and forum sessions, over
 * two festival days. Recorded through the same commands as real use.
 */
@Component
class DemoProgramme {

    private static final Logger log = LoggerFactory.getLogger(DemoProgramme.class);
    private static final Actor LOADER = new Actor("demo-loader", Role.ORGANISER);
    private static final String WHY = "demo data";
    private static final LocalDate FIRST_DAY = LocalDate.parse("2027-04-17");
    private static final LocalDate SECOND_DAY = FIRST_DAY.plusDays(1);

    private final CommandDispatch dispatch;
    private final SubmissionRegister register;
    private final ProgrammeSchedule schedule;
    private final ProjectionProgress progress;
    private final LedgerLog ledger;

    DemoProgramme(CommandDispatch dispatch, SubmissionRegister register, ProgrammeSchedule schedule,
                  ProjectionProgress progress, LedgerLog ledger) {
        this.dispatch = dispatch;
        this.register = register;
        this.schedule = schedule;
        this.progress = progress;
        this.ledger = ledger;
    }

    /**
     * Records the programme of {@code competitionId} with screenings of {@code films} (its top films), once: a
     * competition that has a programme already is left alone. A film no longer in the competition is left out.
     */
    void record(String competitionId, List<String> films) {
        if (ledger.lastSequence(ProgrammeId.of(competitionId)).isPresent()) {
            return;
        }
        progress.awaitPosition(ledger.head().position(), Duration.ofSeconds(30));
        List<ScheduledFilm> showable = films.stream()
                .flatMap(id -> register.find(id).filter(view -> view.competitionId().equals(competitionId))
                        .filter(view -> view.status() == SubmissionStatus.RECEIVED).stream())
                .map(view -> new ScheduledFilm(view.id(), view.runtimeMinutes(), view.status()))
                .toList();
        send(new AddVenue(competitionId, "hall-1", "Huairou Cinema Hall 1", 620, 20));
        send(new AddVenue(competitionId, "hall-2", "Huairou Cinema Hall 2", 280, 15));
        send(new AddVenue(competitionId, "forum-room", "Yanqi Lake Forum Room", 150, 10));
        screenings(competitionId, showable);
        forum(competitionId);
        log.info("Demo programme of {}: 3 venues, screenings of {} films, 3 forum sessions", competitionId,
                showable.size());
    }

    /** Blocks of two shorts at 14:00, 16:30 and 19:30 on the first day, again in hall 2 on the second. */
    private void screenings(String competitionId, List<ScheduledFilm> films) {
        if (films.isEmpty()) {
            return;
        }
        send(new ScheduleScreening(competitionId, "press-screening", "Press screening: the selection", "hall-2",
                at(FIRST_DAY, "09:00"), films, false));
        List<List<ScheduledFilm>> blocks = new ArrayList<>();
        for (int i = 0; i < films.size(); i += 2) {
            blocks.add(films.subList(i, Math.min(i + 2, films.size())));
        }
        String[] firstDay = {"14:00", "16:30", "19:30"};
        String[] secondDay = {"13:00", "15:30", "18:00"};
        for (int b = 0; b < blocks.size() && b < firstDay.length; b++) {
            String title = "AIGC Shorts " + (b + 1);
            send(new ScheduleScreening(competitionId, "shorts-" + (b + 1), title, "hall-1",
                    at(FIRST_DAY, firstDay[b]), blocks.get(b), true));
            send(new ScheduleScreening(competitionId, "shorts-" + (b + 1) + "-encore", title + " (encore)",
                    "hall-2", at(SECOND_DAY, secondDay[b]), blocks.get(b), true));
        }
    }

    private void forum(String competitionId) {
        send(new ScheduleForumSession(competitionId, "forum-authorship", "Authorship after generative AI",
                List.of("Ava Lindqvist", "Chen Kaige", "Mira Castellanos"), "forum-room", at(FIRST_DAY, "10:00"),
                at(FIRST_DAY, "11:30"), true));
        send(new ScheduleForumSession(competitionId, "forum-workflows", "From prompt to premiere: AIGC workflows",
                List.of("Hana Sato", "Rahul Mehta", "Lin Yue"), "forum-room", at(SECOND_DAY, "10:00"),
                at(SECOND_DAY, "11:30"), true));
        send(new ScheduleForumSession(competitionId, "forum-creators", "Meet the creators",
                List.of("Lin Yue", "Kwame Mensah"), "hall-1", at(FIRST_DAY, "21:00"), at(FIRST_DAY, "22:00"),
                true));
    }

    private Instant at(LocalDate day, String time) {
        ZoneId festival = schedule.festivalZone();
        return day.atTime(LocalTime.parse(time)).atZone(festival).toInstant();
    }

    private void send(Object command) {
        dispatch.send(command, WHY, LOADER);
    }
}
