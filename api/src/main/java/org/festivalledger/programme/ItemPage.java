package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.UnknownId;
import org.festivalledger.language.FestivalTime;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One screening or forum session on the organiser's page of its own, with its move and cancel forms: the move form
 * filled from the item as scheduled (its times as {@code datetime-local} values in the festival's zone), or, after a
 * refusal, the refused form with what was typed and the refusal next to its fields. Screenings and sessions share
 * the page's model, so their page controllers and {@link ItemChanges} all render it here; only a screening offers
 * films.
 */
@Component
class ItemPage {

    private final CompetitionCatalogue catalogue;
    private final ProgrammeSchedule schedule;
    private final FilmChoices films;
    private final FestivalTime time;

    ItemPage(CompetitionCatalogue catalogue, ProgrammeSchedule schedule, FilmChoices films, FestivalTime time) {
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.films = films;
        this.time = time;
    }

    /** The page as scheduled, or the error page (404) if the competition or the item is not there. */
    String show(String competitionId, String itemId, BookingKind kind, HttpServletResponse response, Model model) {
        return render(competitionId, itemId, kind, null, null, null, response, model);
    }

    /** The page again after {@code refusedForm} ({@code move} or {@code cancel}) was refused, with what it typed. */
    String refused(String competitionId, String itemId, BookingKind kind, String refusedForm,
                   MultiValueMap<String, String> typed, Refused refused, HttpServletResponse response, Model model) {
        return render(competitionId, itemId, kind, refusedForm, typed, refused, response, model);
    }

    private String render(String competitionId, String itemId, BookingKind kind, String refusedForm,
                          MultiValueMap<String, String> typed, Refused refused, HttpServletResponse response,
                          Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        ScheduleEntry item;
        try {
            item = competition == null ? null : Answers.entry(schedule, competitionId, itemId, kind);
        } catch (UnknownId unknown) {
            item = null;
        }
        if (item == null) {
            return PageAnswers.notFound(response, model);
        }
        ScheduleEntry shown = item;
        model.addAttribute("competition", competition);
        model.addAttribute("item", item);
        model.addAttribute("venue", schedule.venues(competitionId).stream()
                .filter(venue -> venue.id().equals(shown.venueId())).findFirst().orElse(null));
        model.addAttribute("venues", schedule.venues(competitionId));
        Map<String, String> move = new LinkedHashMap<>();
        move.put("venueId", item.venueId());
        move.put("startsAt", time.inputValue(item.startsAt()));
        move.put("endsAt", time.inputValue(item.endsAt()));
        Collection<String> chosen = item.films() == null ? List.of()
                : item.films().stream().map(FilmLine::submissionId).toList();
        Map<String, String> cancel = Map.of();
        if ("move".equals(refusedForm)) {
            move = typed.toSingleValueMap();
            chosen = FilmChoices.chosen(typed);
        } else if ("cancel".equals(refusedForm)) {
            cancel = typed.toSingleValueMap();
        }
        if (kind == BookingKind.SCREENING) {
            model.addAttribute("films", films.offered(competitionId, chosen));
        }
        model.addAttribute("moveValues", move);
        model.addAttribute("cancelValues", cancel);
        model.addAttribute("refusedForm", refusedForm);
        Refused.show(model, null, refused);
        return kind == BookingKind.SCREENING ? "organiser/programme-screening" : "organiser/programme-session";
    }
}
