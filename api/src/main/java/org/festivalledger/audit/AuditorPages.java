package org.festivalledger.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.UnknownId;
import org.festivalledger.language.Refusals;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.Standings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The auditor's workspace: the trail and entity histories, a round's standings stepped through time, the decisions
 * beside the standings they rest on with the verifier's verdict, the pictures, and the exports. Every handler is a
 * GET (the security chain admits nothing else under {@code /auditor}): nothing here can record an event.
 */
@Controller
class AuditorPages {

    private static final int TRAIL_PAGE = 50;
    private static final int DEFAULT_SHORTLIST = 10;
    /** How long a page waits for the verifier before it shows its progress instead (and refreshes). */
    private static final Duration PATIENCE = Duration.ofSeconds(3);

    private final TrailReading trail;
    private final RoundTimeline timeline;
    private final DecisionReview decisions;
    private final RoundPictures pictures;
    private final LatestVerification verification;
    private final DecisionExports exports;
    private final CompetitionCatalogue catalogue;
    private final JudgingBoard board;
    private final LedgerLog ledger;
    private final RebuildCheckRuns rebuilds;
    private final Refusals refusals;
    private final MessageSource messages;

    AuditorPages(TrailReading trail, RoundTimeline timeline, DecisionReview decisions, RoundPictures pictures,
                 LatestVerification verification, DecisionExports exports, CompetitionCatalogue catalogue,
                 JudgingBoard board, LedgerLog ledger, RebuildCheckRuns rebuilds, Refusals refusals,
                 MessageSource messages) {
        this.refusals = refusals;
        this.messages = messages;
        this.rebuilds = rebuilds;
        this.trail = trail;
        this.timeline = timeline;
        this.decisions = decisions;
        this.pictures = pictures;
        this.verification = verification;
        this.exports = exports;
        this.catalogue = catalogue;
        this.board = board;
        this.ledger = ledger;
    }

    /** Who the masthead says is signed in. */
    @ModelAttribute("signedInAs")
    String signedInAs(Authentication authentication) {
        return authentication == null ? null : authentication.getName();
    }

    @GetMapping("/auditor/login")
    String login() {
        return "auditor/login";
    }

    /** The competitions, the head digest to compare exports with, and the exports of the whole ledger. */
    @GetMapping("/auditor")
    String home(Model model) {
        model.addAttribute("competitions", catalogue.all());
        model.addAttribute("head", ledger.head());
        return "auditor/home";
    }

    /** The trail, filtered; paged by position ({@code from}), so a page deep in a long log costs what the first does. */
    @GetMapping("/auditor/trail")
    String trail(@RequestParam(required = false) String entity, @RequestParam(required = false) String actor,
                 @RequestParam(required = false) String type, @RequestParam(required = false) String since,
                 @RequestParam(required = false) String until, @RequestParam(defaultValue = "1") String from,
                 HttpServletResponse response, Model model) {
        model.addAttribute("entity", blankToNull(entity));
        model.addAttribute("actor", blankToNull(actor));
        model.addAttribute("type", blankToNull(type));
        model.addAttribute("since", blankToNull(since));
        model.addAttribute("until", blankToNull(until));
        try {
            long start = position("from", from, 1);
            TrailReading.Filter filter = new TrailReading.Filter(blankToNull(entity), blankToNull(actor),
                    blankToNull(type), instant("since", since), instant("until", until));
            model.addAttribute("page", trail.page(start, TRAIL_PAGE, filter));
            model.addAttribute("from", start);
        } catch (InvalidInput | Unreadable refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", explain(refused));
        }
        model.addAttribute("head", ledger.head());
        return "auditor/trail";
    }

    /** One entity's history, each revision with what it changed. */
    @GetMapping("/auditor/history")
    String history(@RequestParam String entity, HttpServletResponse response, Model model) {
        try {
            model.addAttribute("history", trail.history(entity));
        } catch (UnknownId unknown) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", say("auditor.problem.nothingNames", entity));
        }
        model.addAttribute("entity", entity);
        return "auditor/history";
    }

    /** A competition: its rounds (as of a position, if given), decisions and exports. */
    @GetMapping("/auditor/competitions/{competitionId}")
    String competition(@PathVariable String competitionId, @RequestParam(required = false) Long position,
                       HttpServletResponse response, Model model) {
        Optional<CompetitionView> competition = catalogue.find(competitionId);
        if (competition.isEmpty()) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition.get());
        model.addAttribute("position", position);
        model.addAttribute("rounds", board.read(competitionId, record -> record.rounds().stream()
                .map(round -> new RoundLink(round.roundId(), round.name(), round.isOpen())).toList()).orElse(List.of()));
        return "auditor/competition";
    }

    /** A round as the index page links it. */
    record RoundLink(String roundId, String name, boolean open) {
    }

    /**
     * A round's standings at a position or instant (now by default), with the steps to the previous and next event
     * and decision, and the difference from another position if {@code compare} is given.
     */
    @GetMapping("/auditor/competitions/{competitionId}/rounds/{roundId}/standings")
    String standings(@PathVariable String competitionId, @PathVariable String roundId,
                     @RequestParam(required = false) String position, @RequestParam(required = false) String asOf,
                     @RequestParam(required = false) String compare, HttpServletResponse response, Model model) {
        model.addAttribute("competitionId", competitionId);
        model.addAttribute("roundId", roundId);
        Standings standings;
        try {
            Long at = blankToNull(position) == null ? null : position("position", position, 0);
            String instant = blankToNull(asOf);
            if (at == null && instant == null) {
                at = ledger.head().position();
            }
            standings = exports.standingsAt(competitionId, roundId, at, instant);
            long shown = standings.ledgerPosition();
            model.addAttribute("standings", standings);
            model.addAttribute("steps", timeline.around(competitionId, shown));
            model.addAttribute("head", ledger.head());
            if (blankToNull(compare) != null) {
                long other = position("compare", compare, 0);
                model.addAttribute("compare", other);
                model.addAttribute("difference", timeline.between(competitionId, roundId, other, shown).orElse(null));
            }
        } catch (InvalidInput | Unreadable refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", explain(refused));
            return "auditor/standings";
        } catch (UnknownId unknown) {
            return notFound(response, model);
        }
        return "auditor/standings";
    }

    /** Every shortlist and award of a competition with the standings it rests on and the verifier's verdict. */
    @GetMapping("/auditor/competitions/{competitionId}/decisions")
    String decisions(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        Optional<CompetitionView> competition = catalogue.find(competitionId);
        Optional<DecisionReview.Review> review = competition.flatMap(found -> decisions.of(competitionId, PATIENCE));
        if (review.isEmpty()) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition.get());
        model.addAttribute("review", review.get());
        return "auditor/decisions";
    }

    /** Calibration, marks per criterion, ranks over time and sensitivity of a round, as pictures and tables. */
    @GetMapping("/auditor/competitions/{competitionId}/rounds/{roundId}/pictures")
    String pictures(@PathVariable String competitionId, @PathVariable String roundId,
                    @RequestParam(required = false) String position, HttpServletResponse response, Model model) {
        long at;
        try {
            at = blankToNull(position) == null ? ledger.head().position() : position("position", position, 0);
        } catch (InvalidInput | Unreadable refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", explain(refused));
            return "auditor/message";
        }
        Optional<RoundPictures.Pictures> drawn = pictures.of(competitionId, roundId, at, DEFAULT_SHORTLIST);
        if (drawn.isEmpty()) {
            return notFound(response, model);
        }
        model.addAttribute("competitionId", competitionId);
        model.addAttribute("roundName", board.read(competitionId, record -> record.round(roundId)
                .map(JudgingRecord.Round::name).orElse(roundId)).orElse(roundId));
        model.addAttribute("p", drawn.get());
        model.addAttribute("sensitivity", RoundPictures.byJuror(drawn.get().calibration()));
        return "auditor/pictures";
    }

    /** The verifier's verdict on the whole ledger: the chain and every decision's provenance. */
    @GetMapping("/auditor/verification")
    String verification(Model model) {
        model.addAttribute("state", verification.now(PATIENCE));
        model.addAttribute("head", ledger.head());
        return "auditor/verification";
    }

    /**
     * The rebuild check (every view rebuilt from zero beside the live one, digests compared): the last report, and
     * while one runs, how far it has got. {@code ?start} starts one (it records nothing) and comes back here.
     */
    @GetMapping("/auditor/rebuild-check")
    String rebuildCheck(@RequestParam(required = false) String start, Model model) {
        if (start != null) {
            rebuilds.start();
            return "redirect:/auditor/rebuild-check";
        }
        model.addAttribute("rebuild", rebuilds.state());
        model.addAttribute("head", ledger.head());
        return "auditor/rebuild-check";
    }

    private static String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        return "error";
    }

    private static long position(String field, String text, long least) {
        long value;
        try {
            value = Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new Unreadable("auditor.problem.wholeNumber", field);
        }
        if (value < least) {
            throw new Unreadable("auditor.problem.position", field, Long.toString(least));
        }
        return value;
    }

    private static Instant instant(String field, String text) {
        if (blankToNull(text) == null) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Unreadable("auditor.problem.instant", field);
        }
    }

    /**
     * A parameter of a workspace address that cannot be read, told by its message key: the workspace's own
     * refusal, so it is said in the page's language rather than in the domain's English.
     */
    private static final class Unreadable extends RuntimeException {
        private final String key;
        private final transient Object[] arguments;

        Unreadable(String key, Object... arguments) {
            super(key, null, false, false);
            this.key = key;
            this.arguments = arguments;
        }
    }

    /** What was wrong with the address, in the page's language: the workspace's own words or the domain's. */
    private String explain(RuntimeException refused) {
        if (refused instanceof Unreadable unreadable) {
            return say(unreadable.key, unreadable.arguments);
        }
        return String.join("; ", ((InvalidInput) refused).errors().stream()
                .map(error -> say("auditor.problem.field", error.field(), refusals.fieldProblem(error.message())))
                .toList());
    }

    private String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
