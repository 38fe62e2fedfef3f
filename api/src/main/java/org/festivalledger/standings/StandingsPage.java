package org.festivalledger.standings;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.OrganiserConsole;
import org.festivalledger.jury.UnknownJuror;
import org.festivalledger.language.FormRefusal;
import org.festivalledger.language.Refusals;
import org.festivalledger.round.Assignment;
import org.festivalledger.round.JurorAssignments;
import org.festivalledger.round.RoundClosing;
import org.festivalledger.round.RoundClosedForAssignments;
import org.festivalledger.round.UnknownRound;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.shortlist.OverrideAction;
import org.festivalledger.shortlist.ShortlistDrawing;
import org.festivalledger.shortlist.ShortlistOverride;
import org.festivalledger.shortlist.TieAtCutOff;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organiser's round page: the live standings (a small script follows the page's own event stream, the
 * table is complete without it), the coverage (who judges what, which scores are in), the assignments (the
 * automatic draw after a preview of each juror's load, or one changed by hand), closing the round, and drafting
 * its shortlist — top N, overrides with reasons, and a tie across the cut-off shown with the tied entries so it
 * can be decided on the spot.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/rounds/{roundId}")
class StandingsPage {

    private static final int ROWS = 50;
    private static final int OVERRIDE_ROWS = 3;
    private static final Pattern OVERRIDE_FIELD = Pattern.compile("overrides\\[(\\d+)]\\.(\\w+)");

    private final StandingsService standings;
    private final StandingsController stream;
    private final JudgingBoard board;
    private final RoundClosing closing;
    private final ShortlistDrawing drawing;
    private final OrganiserConsole console;
    private final JurorAssignments assignments;
    private final RoundCoverage coverage;
    private final Refusals refusals;

    StandingsPage(StandingsService standings, StandingsController stream, JudgingBoard board, RoundClosing closing,
                  ShortlistDrawing drawing, OrganiserConsole console, JurorAssignments assignments,
                  RoundCoverage coverage, Refusals refusals) {
        this.standings = standings;
        this.stream = stream;
        this.board = board;
        this.closing = closing;
        this.drawing = drawing;
        this.console = console;
        this.assignments = assignments;
        this.coverage = coverage;
        this.refusals = refusals;
    }

    /** A form refused on the page: which one, what was typed, and why. */
    private record Refused(String form, Map<String, String> typed, FormRefusal refusal, TieAtCutOff tie) {

        static final Refused NONE = new Refused(null, Map.of(), null, null);
    }

    @GetMapping
    String round(@PathVariable String competitionId, @PathVariable String roundId, HttpServletResponse response,
                 Model model) {
        return show(competitionId, roundId, Refused.NONE, response, model);
    }

    /** The same stream as the API's, for the page's session (the API itself takes no cookies). */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String competitionId, @PathVariable String roundId) {
        return stream.stream(competitionId, roundId, ROWS);
    }

    @PostMapping("/close")
    String close(@PathVariable String competitionId, @PathVariable String roundId,
                 @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        try {
            console.settle(closing.close(competitionId, roundId).position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + roundId + "?closed";
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, roundId, new Refused("close", form, FormRefusal.of(refusals, refused,
                    field -> null, rule -> null), null), response, model);
        }
    }

    /**
     * What the automatic assignment would record now, each juror's load before and after, with the form that
     * records it. The draw is the judging's own ({@link JurorAssignments#preview}), not a copy of it.
     */
    @GetMapping("/assignments/automatic")
    String preview(@PathVariable String competitionId, @PathVariable String roundId, HttpServletResponse response,
                   Model model) {
        return previewPage(competitionId, roundId, Map.of(), null, response, model);
    }

    @PostMapping("/assignments/automatic")
    String assignAutomatically(@PathVariable String competitionId, @PathVariable String roundId,
                               @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        try {
            console.settle(assignments.automatically(competitionId, roundId).position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + roundId + "?assigned";
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            return previewPage(competitionId, roundId, form, refused, response, model);
        }
    }

    @PostMapping("/assignments")
    String assign(@PathVariable String competitionId, @PathVariable String roundId,
                  @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        try {
            console.settle(assignments.assign(competitionId, roundId, form.getOrDefault("jurorId", "").strip(),
                    form.getOrDefault("submissionId", "").strip()).position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + roundId + "?assignmentAdded";
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, roundId, new Refused("add", form, FormRefusal.of(refusals, refused,
                    field -> "jurorId".equals(field) ? "add-jurorId" : "add-submissionId",
                    rule -> rule instanceof UnknownJuror ? "add-jurorId" : concernsTheRound(rule) ? null
                            : "add-submissionId"), null), response, model);
        }
    }

    @PostMapping("/assignments/removal")
    String unassign(@PathVariable String competitionId, @PathVariable String roundId,
                    @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        try {
            console.settle(assignments.unassign(competitionId, roundId, form.getOrDefault("jurorId", "").strip(),
                    form.getOrDefault("submissionId", "").strip(), form.getOrDefault("reason", "").strip())
                    .position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + roundId + "?assignmentRemoved";
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, roundId, new Refused("remove", form, FormRefusal.of(refusals, refused,
                    field -> "reason".equals(field) ? "remove-reason" : "remove-submissionId",
                    rule -> concernsTheRound(rule) ? null : "remove-submissionId"), null), response, model);
        }
    }

    @PostMapping("/shortlist")
    String shortlist(@PathVariable String competitionId, @PathVariable String roundId,
                     @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        List<ShortlistOverride> overrides = new ArrayList<>();
        for (int i = 0; i < OVERRIDE_ROWS; i++) {
            String entry = form.getOrDefault("override" + i + ".submissionId", "").strip();
            if (!entry.isEmpty()) {
                overrides.add(new ShortlistOverride(entry, "INCLUDE".equals(form.get("override" + i + ".action"))
                        ? OverrideAction.INCLUDE : OverrideAction.EXCLUDE,
                        form.getOrDefault("override" + i + ".reason", "").strip()));
            }
        }
        String rationale = form.getOrDefault("rationale", "").strip();
        try {
            int size = wholeNumber(form.getOrDefault("size", ""));
            console.settle(drawing.draw(competitionId, roundId, size, overrides, rationale).position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + roundId + "?shortlisted";
        } catch (TieAtCutOff tie) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(competitionId, roundId, new Refused("shortlist", typed, null, tie), response, model);
        } catch (InvalidInput | RuleViolation | StateConflict | UnknownEntity refused) {
            return show(competitionId, roundId, new Refused("shortlist", typed, FormRefusal.of(refusals, refused,
                    StandingsPage::shortlistInput, rule -> null), null), response, model);
        }
    }

    /** A refusal about the round itself (closed, unknown), not about the juror or entry typed: the form's top. */
    private static boolean concernsTheRound(RuntimeException refusal) {
        return refusal instanceof RoundClosedForAssignments || refusal instanceof UnknownRound;
    }

    /** The shortlist form's input for a field the domain names ({@code overrides[1].reason} is {@code override1.reason}). */
    private static String shortlistInput(String field) {
        Matcher override = OVERRIDE_FIELD.matcher(field);
        if (override.matches()) {
            return "override" + override.group(1) + "." + override.group(2);
        }
        return "size".equals(field) || "rationale".equals(field) ? field : null;
    }

    private static int wholeNumber(String typed) {
        try {
            return Integer.parseInt(typed.strip());
        } catch (NumberFormatException notANumber) {
            throw InvalidInput.of("size", "must be at least 1");
        }
    }

    private String previewPage(String competitionId, String roundId, Map<String, String> typed,
                               RuntimeException refusedBefore, HttpServletResponse response, Model model) {
        Optional<RoundCoverage.Coverage> now = coverage.of(competitionId, roundId);
        if (console.competition(competitionId, response, model).isEmpty() || now.isEmpty()) {
            return console.notFound(response, model);
        }
        model.addAttribute("round", board.read(competitionId, record -> record.round(roundId).map(round ->
                Map.of("roundId", round.roundId(), "name", round.name())).orElseThrow()).orElseThrow());
        model.addAttribute("values", typed);
        RuntimeException refused = refusedBefore;
        List<Assignment> drawn = List.of();
        if (refused == null) {
            try {
                drawn = assignments.preview(competitionId, roundId);
            } catch (RuleViolation | StateConflict | UnknownEntity cannotDraw) {
                refused = cannotDraw;
            }
        }
        if (refused != null) {
            response.setStatus(refused instanceof UnknownEntity ? HttpStatus.NOT_FOUND.value()
                    : HttpStatus.CONFLICT.value());
            model.addAttribute("problem", refusals.explain(refused));
        }
        model.addAttribute("drawn", drawn.size());
        model.addAttribute("loads", coverage.after(now.get(), drawn));
        return "organiser/assignment-preview";
    }

    private String show(String competitionId, String roundId, Refused refused, HttpServletResponse response,
                        Model model) {
        Optional<Standings> now = standings.current(competitionId, roundId, 0, Duration.ofSeconds(5));
        if (now.isEmpty() || console.competition(competitionId, response, model).isEmpty()) {
            return console.notFound(response, model);
        }
        if (refused.refusal() != null) {
            response.setStatus(refused.refusal().status().value());
        }
        model.addAttribute("competitionId", competitionId);
        model.addAttribute("standings", now.get().top(ROWS));
        model.addAttribute("coverage", coverage.of(competitionId, roundId).orElseThrow());
        model.addAttribute("shortlist", board.read(competitionId, record -> record.shortlistOf(roundId).orElse(null))
                .map(JudgingRecord.Shortlist::decision).orElse(null));
        model.addAttribute("failed", refused.form());
        model.addAttribute("values", refused.typed());
        model.addAttribute("problems", refused.refusal() == null ? Map.of() : refused.refusal().problems());
        model.addAttribute("overrideRows", java.util.stream.IntStream.range(0, OVERRIDE_ROWS).boxed().toList());
        model.addAttribute("tie", refused.tie());
        return "organiser/round";
    }
}
