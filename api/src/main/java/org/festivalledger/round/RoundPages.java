package org.festivalledger.round;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.OrganiserConsole;
import org.festivalledger.language.FormRefusal;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.shortlist.NoShortlist;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The organiser's rounds: the list, and opening a round (its aggregation method explained next to each choice,
 * which entries take part). Opening goes through {@link RoundOpening}, as the JSON API does.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/rounds")
class RoundPages {

    private final OrganiserConsole console;
    private final RoundSummaries rounds;
    private final RoundOpening opening;
    private final Refusals refusals;

    RoundPages(OrganiserConsole console, RoundSummaries rounds, RoundOpening opening, Refusals refusals) {
        this.console = console;
        this.rounds = rounds;
        this.opening = opening;
        this.refusals = refusals;
    }

    @GetMapping
    String rounds(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        if (console.competition(competitionId, response, model).isEmpty()) {
            return OrganiserConsole.NOT_FOUND;
        }
        model.addAttribute("rounds", rounds.of(competitionId));
        return "organiser/rounds";
    }

    @GetMapping("/new")
    String newRound(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return form(competitionId, Map.of("aggregation", AggregationMethod.MEAN.name(), "entries", "ALL_ELIGIBLE",
                "jurorsPerEntry", "3", "minScoresPerEntry", "2"), null, response, model);
    }

    @PostMapping
    String open(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                HttpServletResponse response, Model model) {
        String id = form.getOrDefault("id", "").strip();
        try {
            console.settle(opening.open(competitionId, new RoundOpening.Request(id, form.getOrDefault("name", "").strip(),
                    number(form.get("jurorsPerEntry")), method(form.get("aggregation")),
                    number(form.get("minScoresPerEntry")), form.getOrDefault("entries", "ALL_ELIGIBLE"))).position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + id + "?opened";
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return form(competitionId, form, FormRefusal.of(refusals, refused, RoundPages::inputOf,
                    rule -> rule instanceof RoundAlreadyExists ? "id"
                            : rule instanceof EarlierRoundNotClosed || rule instanceof NoShortlist ? "entries" : null),
                    response, model);
        }
    }

    /** The form's input for a field the domain names ({@code entries[2]} is one of the entries chosen). */
    private static String inputOf(String field) {
        return switch (field) {
            case "id", "roundId" -> "id";
            case "name", "jurorsPerEntry", "minScoresPerEntry", "aggregation" -> field;
            default -> field.startsWith("entries") ? "entries" : null;
        };
    }

    private String form(String competitionId, Map<String, String> typed, FormRefusal refusal,
                        HttpServletResponse response, Model model) {
        if (console.competition(competitionId, response, model).isEmpty()) {
            return OrganiserConsole.NOT_FOUND;
        }
        if (refusal != null) {
            response.setStatus(refusal.status().value());
        }
        model.addAttribute("methods", Arrays.asList(AggregationMethod.values()));
        model.addAttribute("earlierRounds", rounds.of(competitionId));
        model.addAttribute("values", typed);
        model.addAttribute("problems", refusal == null ? Map.of() : refusal.problems());
        return "organiser/round-new";
    }

    /** A number as typed; what is not one counts as none, which the judging refuses as too small. */
    private static Integer number(String typed) {
        try {
            return typed == null ? null : Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static AggregationMethod method(String typed) {
        return List.of(AggregationMethod.values()).stream().filter(method -> method.name().equals(typed)).findFirst()
                .orElseThrow(() -> InvalidInput.of("aggregation", "is required"));
    }
}
