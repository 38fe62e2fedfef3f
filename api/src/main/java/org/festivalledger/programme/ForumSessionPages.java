package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The organiser's forum session pages: the form that schedules a session (its speakers typed one a line), and a
 * session's own page ({@link ItemPage}) with its move and cancel forms ({@link ItemChanges}). Every form goes
 * through {@link ForumSessionBookings}, the use case the JSON API calls too. Unlike a screening, a session's end is
 * typed, not computed, so both its times are read from the form.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/programme")
class ForumSessionPages {

    private final CompetitionCatalogue catalogue;
    private final ProgrammeSchedule schedule;
    private final ForumSessionBookings sessions;
    private final ProgrammeForms forms;
    private final ItemPage page;
    private final ItemChanges changes;

    ForumSessionPages(CompetitionCatalogue catalogue, ProgrammeSchedule schedule, ForumSessionBookings sessions,
                      ProgrammeForms forms, ItemPage page, ItemChanges changes) {
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.sessions = sessions;
        this.forms = forms;
        this.page = page;
        this.changes = changes;
    }

    @GetMapping("/forum-sessions/new")
    String newSession(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return sessionForm(competitionId, Map.of(), null, response, model);
    }

    @PostMapping("/forum-sessions")
    String scheduleSession(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                           HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return PageAnswers.notFound(response, model);
        }
        TypedInput typed = forms.typed();
        Instant startsAt = typed.instant("startsAt", form.get("startsAt"), false);
        Instant endsAt = typed.instant("endsAt", form.get("endsAt"), false);
        return forms.send(competitionId, typed,
                () -> sessions.schedule(competitionId, TypedInput.blankToNull(form.get("id")), form.get("title"),
                        speakers(form.get("speakers")), TypedInput.blankToNull(form.get("venueId")), startsAt, endsAt,
                        form.containsKey("public")),
                booked -> PageAnswers.timelineAfter(competitionId, "scheduled", booked.id(), "item-" + booked.id()),
                refused -> sessionForm(competitionId, form, refused, response, model), response);
    }

    private String sessionForm(String competitionId, Map<String, String> typed, Refused refused,
                               HttpServletResponse response, Model model) {
        return forms.page(competitionId, "organiser/programme-session-new", typed, refused,
                choices -> choices.addAttribute("venues", schedule.venues(competitionId)), response, model);
    }

    @GetMapping("/forum-sessions/{sessionId}")
    String session(@PathVariable String competitionId, @PathVariable String sessionId,
                   HttpServletResponse response, Model model) {
        return page.show(competitionId, sessionId, BookingKind.FORUM_SESSION, response, model);
    }

    @PostMapping("/forum-sessions/{sessionId}/reschedule")
    String moveSession(@PathVariable String competitionId, @PathVariable String sessionId,
                       @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        TypedInput typed = forms.typed();
        Instant startsAt = typed.instant("startsAt", form.getFirst("startsAt"), true);
        Instant endsAt = typed.instant("endsAt", form.getFirst("endsAt"), true);
        return changes.move(competitionId, sessionId, BookingKind.FORUM_SESSION, typed,
                () -> sessions.reschedule(competitionId, sessionId, TypedInput.blankToNull(form.getFirst("venueId")),
                        startsAt, endsAt, form.getFirst("reason")), form, response, model);
    }

    @PostMapping("/forum-sessions/{sessionId}/cancellation")
    String cancelSession(@PathVariable String competitionId, @PathVariable String sessionId,
                         @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        return changes.cancel(competitionId, sessionId, BookingKind.FORUM_SESSION,
                () -> sessions.cancel(competitionId, sessionId, form.getFirst("reason")), form, response, model);
    }

    /** One speaker a line; empty lines are spacing, not speakers. */
    private static List<String> speakers(String typed) {
        return typed == null ? List.of()
                : Arrays.stream(typed.split("\\R")).filter(line -> !line.isBlank()).toList();
    }
}
