package org.festivalledger.jury;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.Criterion;
import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.scoring.RecordScore;
import org.festivalledger.identity.JurorIdentity;
import org.festivalledger.language.Refusals;
import org.festivalledger.security.JurorSignIn;
import org.festivalledger.security.PageSessions;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionView;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The juror's pages: sign in by the organiser's link, the entries to judge with progress, and an entry's page
 * with its facts, the scoring form and the conflict declaration. A refused score comes back next to the field
 * it concerns, with what the juror typed kept in the form.
 */
@Controller
class JurorPages {

    private final JudgingBoard board;
    private final SubmissionRegister register;
    private final CommandDispatch dispatch;
    private final ProjectionProgress progress;
    private final JurorSignIn signIn;
    private final Refusals refusals;
    private final MessageSource messages;

    JurorPages(JudgingBoard board, SubmissionRegister register, CommandDispatch dispatch, ProjectionProgress progress,
               JurorSignIn signIn, Refusals refusals, MessageSource messages) {
        this.refusals = refusals;
        this.messages = messages;
        this.board = board;
        this.register = register;
        this.dispatch = dispatch;
        this.progress = progress;
        this.signIn = signIn;
    }

    /** One entry on the juror's list, with whether it is scored yet. */
    record ListedEntry(String roundId, String submissionId, String title, String country, int runtimeMinutes,
                       boolean scored, int revisions) {
    }

    record RoundList(String roundId, String name, int scored, List<ListedEntry> entries) {
    }

    /**
     * The link the organiser hands out opens this page, which changes nothing: a GET must not sign anyone in
     * (a page elsewhere could otherwise sign a victim into an attacker's session). Its button posts the link's
     * credential, with the page's CSRF token.
     */
    @GetMapping("/juror/sign-in")
    String signInPage(@RequestParam(required = false) String link, Model model) {
        model.addAttribute("link", link);
        return "juror/sign-in";
    }

    /**
     * Exchanges the link's credential for a session, and sends the juror on without it, so it does not stay in the
     * address bar or the history. An expired, revoked or replaced link is refused.
     */
    @PostMapping("/juror/sign-in")
    String signIn(@RequestParam(required = false) String link, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        Optional<Authentication> signedIn = signIn.withLink(link);
        if (signedIn.isEmpty()) {
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            model.addAttribute("invalid", true);
            return "juror/sign-in";
        }
        PageSessions.open(signedIn.get(), request, response);
        return "redirect:/juror";
    }

    @GetMapping("/juror")
    String entries(Authentication authentication, Model model) {
        JurorIdentity juror = (JurorIdentity) authentication.getPrincipal();
        List<RoundList> rounds = board.read(juror.competitionId(), record -> record.rounds().stream()
                .filter(round -> round.isOpen())
                .map(round -> roundList(record, round, juror.jurorId()))
                .toList()).orElse(List.of());
        model.addAttribute("juror", juror);
        model.addAttribute("jurorName", jurorName(juror));
        model.addAttribute("rounds", rounds);
        return "juror/entries";
    }

    private RoundList roundList(JudgingRecord record, JudgingRecord.Round round, String jurorId) {
        List<ListedEntry> entries = round.entriesOf(jurorId).stream()
                .filter(entry -> !record.isConflicted(jurorId, entry))
                .map(entry -> {
                    JudgingRecord.Scorecard card = round.scorecardOf(jurorId, entry).orElse(null);
                    boolean scored = card != null && !card.voided();
                    SubmissionView view = register.find(entry).orElse(null);
                    return new ListedEntry(round.roundId(), entry, view == null ? entry : view.title(),
                            view == null ? null : view.country(), view == null ? 0 : view.runtimeMinutes(), scored,
                            scored ? card.revisions() : 0);
                })
                .toList();
        return new RoundList(round.roundId(), round.name(), (int) entries.stream().filter(ListedEntry::scored).count(),
                entries);
    }

    @GetMapping("/juror/rounds/{roundId}/entries/{submissionId}")
    String entry(@PathVariable String roundId, @PathVariable String submissionId, Authentication authentication,
                 HttpServletResponse response, Model model) {
        JurorIdentity juror = (JurorIdentity) authentication.getPrincipal();
        return show(juror, roundId, submissionId, null, Map.of(), Map.of(), null, response, model);
    }

    @PostMapping("/juror/rounds/{roundId}/entries/{submissionId}")
    String score(@PathVariable String roundId, @PathVariable String submissionId,
                 @RequestParam Map<String, String> form, Authentication authentication,
                 HttpServletResponse response, Model model) {
        JurorIdentity juror = (JurorIdentity) authentication.getPrincipal();
        Map<String, String> typed = new LinkedHashMap<>();
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        // Each field's problem, in the page's language.
        Map<String, String> errors = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("marks.")) {
                typed.put(name, value);
                try {
                    marks.put(name.substring("marks.".length()), new BigDecimal(value.strip()));
                } catch (NumberFormatException e) {
                    errors.put(name, value.isBlank() ? refusals.fieldProblem("is missing") : message("juror.score.notANumber"));
                }
            }
        });
        typed.put("comment", form.getOrDefault("comment", ""));
        typed.put("reason", form.getOrDefault("reason", ""));
        if (errors.isEmpty()) {
            String reason = blankToNull(form.get("reason"));
            try {
                long position = dispatch.send(new RecordScore(juror.competitionId(), roundId, juror.jurorId(),
                        submissionId, marks, form.getOrDefault("comment", ""), reason), reason).position();
                progress.awaitPosition(position, Duration.ofSeconds(5));
                return "redirect:/juror/rounds/" + roundId + "/entries/" + submissionId + "?saved";
            } catch (InvalidInput refused) {
                refusals.byField(refused).forEach((field, sentence) -> errors.merge(field, sentence, (a, b) -> a + " " + b));
            } catch (RuleViolation | StateConflict | UnknownEntity refused) {
                response.setStatus(HttpStatus.CONFLICT.value());
                return show(juror, roundId, submissionId, refusals.explain(refused), typed, errors, null, response, model);
            }
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(juror, roundId, submissionId, null, typed, errors, null, response, model);
    }

    @PostMapping("/juror/rounds/{roundId}/entries/{submissionId}/conflict")
    String declareConflict(@PathVariable String roundId, @PathVariable String submissionId,
                           @RequestParam(defaultValue = "") String reason, Authentication authentication,
                           HttpServletResponse response, Model model) {
        JurorIdentity juror = (JurorIdentity) authentication.getPrincipal();
        try {
            long position = dispatch.send(new DeclareConflict(juror.competitionId(), juror.jurorId(), submissionId,
                    blankToNull(reason)), blankToNull(reason)).position();
            progress.awaitPosition(position, Duration.ofSeconds(5));
            return "redirect:/juror?conflict=" + submissionId;
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(juror, roundId, submissionId, null, Map.of(), Map.of(), message("juror.conflict.reasonMissing"),
                    response, model);
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return show(juror, roundId, submissionId, refusals.explain(refused), Map.of(), Map.of(), null, response, model);
        }
    }

    /** The entry page; 404 unless the entry is on this juror's list (assigned, not conflicted). */
    private String show(JurorIdentity juror, String roundId, String submissionId, String problem,
                        Map<String, String> typed, Map<String, String> errors, String conflictError,
                        HttpServletResponse response, Model model) {
        Optional<EntryPage> page = board.read(juror.competitionId(), record -> {
            JudgingRecord.Round round = record.round(roundId).orElse(null);
            if (round == null || !round.entriesOf(juror.jurorId()).contains(submissionId)
                    || record.isConflicted(juror.jurorId(), submissionId)) {
                return null;
            }
            JudgingRecord.Scorecard card = round.scorecardOf(juror.jurorId(), submissionId).orElse(null);
            return new EntryPage(round.roundId(), round.name(), round.isOpen(), List.copyOf(round.criteria()),
                    card == null || card.voided() ? null : card);
        });
        if (page.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("status", 404);
            return "error";
        }
        Map<String, String> values = new LinkedHashMap<>(typed);
        JudgingRecord.Scorecard card = page.get().card();
        if (typed.isEmpty() && card != null) {
            card.marks().forEach((criterion, mark) -> values.put("marks." + criterion, mark.toPlainString()));
            values.put("comment", card.comment() == null ? "" : card.comment());
        }
        model.addAttribute("juror", juror);
        model.addAttribute("jurorName", jurorName(juror));
        model.addAttribute("page", page.get());
        model.addAttribute("submissionId", submissionId);
        model.addAttribute("entry", register.find(submissionId).orElse(null));
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        model.addAttribute("problem", problem);
        model.addAttribute("conflictError", conflictError);
        return "juror/entry";
    }

    /** What the entry page needs of the round: its criteria, and the juror's counting score if any. */
    record EntryPage(String roundId, String roundName, boolean open, List<Criterion> criteria,
                     JudgingRecord.Scorecard card) {
    }

    private String jurorName(JurorIdentity juror) {
        return board.read(juror.competitionId(), record -> record.juror(juror.jurorId()).orElse(null))
                .map(JudgingRecord.Juror::name).orElse(juror.jurorId());
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
