package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;

/**
 * The organiser's screening pages: the form that schedules a screening, and a screening's own page ({@link ItemPage})
 * with its move and cancel forms ({@link ItemChanges}). Every form goes through {@link ScreeningBookings}, the use
 * case the JSON API calls too; the films offered are those still in the competition ({@link FilmChoices}).
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/programme")
class ScreeningPages {

    private final CompetitionCatalogue catalogue;
    private final ProgrammeSchedule schedule;
    private final ScreeningBookings screenings;
    private final FilmChoices films;
    private final ProgrammeForms forms;
    private final ItemPage page;
    private final ItemChanges changes;

    ScreeningPages(CompetitionCatalogue catalogue, ProgrammeSchedule schedule, ScreeningBookings screenings,
                   FilmChoices films, ProgrammeForms forms, ItemPage page, ItemChanges changes) {
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.screenings = screenings;
        this.films = films;
        this.forms = forms;
        this.page = page;
        this.changes = changes;
    }

    @GetMapping("/screenings/new")
    String newScreening(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return screeningForm(competitionId, new LinkedMultiValueMap<>(), null, response, model);
    }

    @PostMapping("/screenings")
    String scheduleScreening(@PathVariable String competitionId, @RequestParam MultiValueMap<String, String> form,
                             HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return PageAnswers.notFound(response, model);
        }
        TypedInput typed = forms.typed();
        Instant startsAt = typed.instant("startsAt", form.getFirst("startsAt"), false);
        return forms.send(competitionId, typed,
                () -> screenings.schedule(competitionId, TypedInput.blankToNull(form.getFirst("id")),
                        form.getFirst("title"), TypedInput.blankToNull(form.getFirst("venueId")), startsAt,
                        FilmChoices.chosen(form), form.containsKey("public")),
                booked -> PageAnswers.timelineAfter(competitionId, "scheduled", booked.id(), "item-" + booked.id()),
                refused -> screeningForm(competitionId, form, refused, response, model), response);
    }

    private String screeningForm(String competitionId, MultiValueMap<String, String> typed, Refused refused,
                                 HttpServletResponse response, Model model) {
        return forms.page(competitionId, "organiser/programme-screening-new", typed.toSingleValueMap(), refused,
                choices -> choices.addAttribute("venues", schedule.venues(competitionId))
                        .addAttribute("films", films.offered(competitionId, FilmChoices.chosen(typed))),
                response, model);
    }

    @GetMapping("/screenings/{screeningId}")
    String screening(@PathVariable String competitionId, @PathVariable String screeningId,
                     HttpServletResponse response, Model model) {
        return page.show(competitionId, screeningId, BookingKind.SCREENING, response, model);
    }

    @PostMapping("/screenings/{screeningId}/reschedule")
    String moveScreening(@PathVariable String competitionId, @PathVariable String screeningId,
                         @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        TypedInput typed = forms.typed();
        Instant startsAt = typed.instant("startsAt", form.getFirst("startsAt"), true);
        return changes.move(competitionId, screeningId, BookingKind.SCREENING, typed,
                () -> screenings.reschedule(competitionId, screeningId,
                        TypedInput.blankToNull(form.getFirst("venueId")), startsAt, FilmChoices.chosen(form),
                        form.getFirst("reason")), form, response, model);
    }

    @PostMapping("/screenings/{screeningId}/cancellation")
    String cancelScreening(@PathVariable String competitionId, @PathVariable String screeningId,
                           @RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
                           Model model) {
        return changes.cancel(competitionId, screeningId, BookingKind.SCREENING,
                () -> screenings.cancel(competitionId, screeningId, form.getFirst("reason")), form, response, model);
    }
}
