package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * The organiser's form that adds a venue to the programme. It goes through {@link ProgrammeVenues}, the use case the
 * JSON API calls too, so a venue added either way is added alike; a refusal is shown next to its field with what was
 * typed kept, and success leads to the timeline with the new venue named.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/programme")
class VenuePages {

    private final CompetitionCatalogue catalogue;
    private final ProgrammeVenues venues;
    private final ProgrammeForms forms;

    VenuePages(CompetitionCatalogue catalogue, ProgrammeVenues venues, ProgrammeForms forms) {
        this.catalogue = catalogue;
        this.venues = venues;
        this.forms = forms;
    }

    @GetMapping("/venues/new")
    String newVenue(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return venueForm(competitionId, Map.of(), null, response, model);
    }

    @PostMapping("/venues")
    String addVenue(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                    HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return PageAnswers.notFound(response, model);
        }
        TypedInput typed = forms.typed();
        Integer capacity = typed.whole("capacity", form.get("capacity"));
        Integer changeover = typed.whole("changeoverMinutes", form.get("changeoverMinutes"));
        return forms.send(competitionId, typed,
                () -> venues.add(competitionId, TypedInput.blankToNull(form.get("id")), form.get("name"), capacity,
                        changeover),
                added -> PageAnswers.timelineAfter(competitionId, "venueAdded", added.id(), "venues"),
                refused -> venueForm(competitionId, form, refused, response, model), response);
    }

    private String venueForm(String competitionId, Map<String, String> typed, Refused refused,
                             HttpServletResponse response, Model model) {
        return forms.page(competitionId, "organiser/programme-venue", typed, refused, choices -> { }, response, model);
    }
}
