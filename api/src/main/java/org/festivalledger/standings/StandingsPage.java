package org.festivalledger.standings;

import org.festivalledger.round.RoundClosing;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProjectionProgress;
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
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

/**
 * The organiser's round page: the live standings (a small script follows the page's own event stream, the
 * table is complete without it), closing the round, and drafting its shortlist — top N, overrides with
 * reasons, and a tie across the cut-off shown with the tied entries so it can be decided on the spot.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/rounds/{roundId}")
class StandingsPage {

    private static final int ROWS = 50;
    private static final int OVERRIDE_ROWS = 3;

    private final StandingsService standings;
    private final StandingsController stream;
    private final JudgingBoard board;
    private final RoundClosing closing;
    private final ShortlistDrawing drawing;
    private final ProjectionProgress progress;

    StandingsPage(StandingsService standings, StandingsController stream, JudgingBoard board, RoundClosing closing,
                  ShortlistDrawing drawing, ProjectionProgress progress) {
        this.standings = standings;
        this.stream = stream;
        this.board = board;
        this.closing = closing;
        this.drawing = drawing;
        this.progress = progress;
    }

    /** Who the masthead says is signed in, on every page of this controller. */
    @ModelAttribute("signedInAs")
    String signedInAs(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @GetMapping
    String round(@PathVariable String competitionId, @PathVariable String roundId, HttpServletResponse response,
                 Model model) {
        return show(competitionId, roundId, Map.of(), null, null, response, model);
    }

    /** The same stream as the API's, for the page's session (the API itself takes no cookies). */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter live(@PathVariable String competitionId, @PathVariable String roundId) {
        return stream.stream(competitionId, roundId, ROWS);
    }

    @PostMapping("/close")
    String close(@PathVariable String competitionId, @PathVariable String roundId, HttpServletResponse response,
                 Model model) {
        try {
            settle(closing.close(competitionId, roundId).position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + roundId + "?closed";
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(competitionId, roundId, Map.of(), refused.getMessage(), null, response, model);
        }
    }

    @PostMapping("/shortlist")
    String shortlist(@PathVariable String competitionId, @PathVariable String roundId,
                     @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        Map<String, String> typed = new LinkedHashMap<>(form);
        typed.remove("_csrf");
        int size;
        try {
            size = Integer.parseInt(form.getOrDefault("size", "").strip());
        } catch (NumberFormatException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(competitionId, roundId, typed, "The size must be a whole number", null, response, model);
        }
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
            settle(drawing.draw(competitionId, roundId, size, overrides, rationale).position());
            return "redirect:/organiser/competitions/" + competitionId + "/rounds/" + roundId + "?shortlisted";
        } catch (TieAtCutOff tie) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return show(competitionId, roundId, typed, null, tie, response, model);
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String fields = String.join("; ", refused.errors().stream()
                    .map(error -> error.field() + " " + error.message()).toList());
            return show(competitionId, roundId, typed, "The shortlist was not drawn: " + fields, null, response, model);
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(competitionId, roundId, typed, refused.getMessage(), null, response, model);
        }
    }

    private String show(String competitionId, String roundId, Map<String, String> typed, String problem,
                        TieAtCutOff tie, HttpServletResponse response, Model model) {
        Optional<Standings> now = standings.current(competitionId, roundId, 0, Duration.ofSeconds(5));
        if (now.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", 404);
            return "error";
        }
        model.addAttribute("competitionId", competitionId);
        model.addAttribute("standings", now.get().top(ROWS));
        model.addAttribute("shortlist", board.read(competitionId, record -> record.shortlistOf(roundId).orElse(null))
                .map(JudgingRecord.Shortlist::decision).orElse(null));
        model.addAttribute("values", typed);
        model.addAttribute("overrideRows", java.util.stream.IntStream.range(0, OVERRIDE_ROWS).boxed().toList());
        model.addAttribute("problem", problem);
        model.addAttribute("tie", tie);
        return "organiser/round";
    }

    private void settle(long position) {
        progress.awaitPosition(position, Duration.ofSeconds(5));
    }
}
