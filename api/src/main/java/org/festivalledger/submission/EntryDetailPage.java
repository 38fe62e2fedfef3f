package org.festivalledger.submission;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.audit.AuditTrail;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantOutbox;
import org.festivalledger.entrant.NotificationResending;
import org.festivalledger.entrant.OutcomeWords;
import org.festivalledger.http.UnknownId;
import org.festivalledger.language.FestivalTime;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The organiser's page for one entry: its facts, its history on the ledger, who sent it, the notifications to its
 * entrant with a resend, and the forms that rule it ineligible or withdraw it. Every command goes through the use case
 * the JSON API uses ({@link EntryRulings}, {@link NotificationResending}), so the page cannot skip a rule the API
 * applies. Who sent the entry (an entrant's address, or that it was erased) is read from the {@link EntrantDirectory}
 * as the page is rendered and kept nowhere else.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/entries")
class EntryDetailPage {

    private final CompetitionCatalogue catalogue;
    private final SubmissionRegister register;
    private final EntryRulings rulings;
    private final AuditTrail trail;
    private final Refusals refusals;
    private final MessageSource messages;
    private final FestivalTime festivalTime;
    private final EntrantDirectory entrants;
    private final EntrantOutbox outbox;
    private final NotificationResending resending;
    private final EntryPageAnswers answers;

    EntryDetailPage(CompetitionCatalogue catalogue, SubmissionRegister register, EntryRulings rulings,
                    AuditTrail trail, Refusals refusals, MessageSource messages, FestivalTime festivalTime,
                    EntrantDirectory entrants, EntrantOutbox outbox, NotificationResending resending,
                    EntryPageAnswers answers) {
        this.catalogue = catalogue;
        this.register = register;
        this.rulings = rulings;
        this.trail = trail;
        this.refusals = refusals;
        this.messages = messages;
        this.festivalTime = festivalTime;
        this.entrants = entrants;
        this.outbox = outbox;
        this.resending = resending;
        this.answers = answers;
    }

    /** One event of an entry's history, described in the page's language. */
    record HistoryLine(long position, String when, String what, String actor, String reason) {
    }

    /** A notification to the entry's entrant, its outcomes said in the page's language. */
    record NotificationLine(String id, EntrantOutbox.Kind kind, EntrantOutbox.Status status, int attempts,
                            List<OutcomeLine> outcomes) {
    }

    /** One outcome of a notification: when, and what happened. */
    record OutcomeLine(Instant at, String what) {
    }

    @GetMapping("/{submissionId}")
    String entry(@PathVariable String competitionId, @PathVariable String submissionId,
                 HttpServletResponse response, Model model) {
        return showEntry(competitionId, submissionId, Map.of(), null, response, model);
    }

    @PostMapping("/{submissionId}/ineligibility")
    String ruleIneligible(@PathVariable String competitionId, @PathVariable String submissionId,
                          @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        return rule(competitionId, submissionId, form, "ineligibility", "ruled", response, model,
                reason -> rulings.ruleIneligible(competitionId, submissionId, reason).position());
    }

    @PostMapping("/{submissionId}/withdrawal")
    String withdraw(@PathVariable String competitionId, @PathVariable String submissionId,
                    @RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        return rule(competitionId, submissionId, form, "withdrawal", "withdrawn", response, model,
                reason -> rulings.withdraw(competitionId, submissionId, reason).position());
    }

    /**
     * Records a ruling ({@code which}: ineligibility or withdrawal) with the reason typed in its form; refused, the
     * page shows the reason kept and the refusal under that form's box ({@code <which>-reason}).
     */
    private String rule(String competitionId, String submissionId, Map<String, String> form, String which,
                        String done, HttpServletResponse response, Model model,
                        ToLongFunction<String> ruling) {
        if (entryOf(competitionId, submissionId).isEmpty()) {
            return answers.notFound(response, model);
        }
        String field = which + "-reason";
        model.addAttribute(which + "Form", form);
        try {
            answers.settle(ruling.applyAsLong(form.getOrDefault("reason", "").strip()));
            return "redirect:/organiser/competitions/" + competitionId + "/entries/" + submissionId + "?" + done;
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> problems = new LinkedHashMap<>();
            refused.errors().forEach(error -> problems.merge(field, refusals.fieldProblem(error.message()),
                    (a, b) -> a + " " + b));
            return showEntry(competitionId, submissionId, problems, null, response, model);
        } catch (UnknownEntity refused) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return showEntry(competitionId, submissionId, Map.of(), refusals.explain(refused), response, model);
        } catch (RuleViolation | StateConflict refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showEntry(competitionId, submissionId, Map.of(), refusals.explain(refused), response, model);
        }
    }

    /**
     * Sends a notification to the entry's entrant again, through the use case the API's resend uses; back on the
     * entry's page, which says so. Refused (the entrant erased their data, or it is being sent right now), the page
     * says why.
     */
    @PostMapping("/{submissionId}/notifications/{notificationId}/resend")
    String resend(@PathVariable String competitionId, @PathVariable String submissionId,
                  @PathVariable String notificationId, Authentication signedIn, HttpServletResponse response,
                  Model model) {
        boolean aboutThisEntry = outbox.find(notificationId)
                .filter(notification -> submissionId.equals(notification.submissionId())).isPresent();
        if (entryOf(competitionId, submissionId).isEmpty() || !aboutThisEntry) {
            return answers.notFound(response, model);
        }
        try {
            resending.resend(notificationId, signedIn.getName());
            return "redirect:/organiser/competitions/" + competitionId + "/entries/" + submissionId + "?resent";
        } catch (UnknownId refused) {
            return answers.notFound(response, model);
        } catch (StateConflict refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showEntry(competitionId, submissionId, Map.of(), refusals.explain(refused), response, model);
        }
    }

    private String showEntry(String competitionId, String submissionId, Map<String, String> problems, String problem,
                             HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        Optional<SubmissionView> entry = entryOf(competitionId, submissionId);
        if (competition == null || entry.isEmpty()) {
            return answers.notFound(response, model);
        }
        model.addAttribute("competition", competition);
        model.addAttribute("entry", entry.get());
        model.addAttribute("history", history(submissionId));
        model.addAttribute("submitter", entrants.submitter(entry.get().entrantId()));
        model.addAttribute("notifications", notifications(submissionId));
        for (String form : List.of("ineligibilityForm", "withdrawalForm", "resendForm")) {
            if (!model.containsAttribute(form)) {
                model.addAttribute(form, Map.of());
            }
        }
        model.addAttribute("problems", problems);
        model.addAttribute("problem", problem);
        return "organiser/entry";
    }

    /** The entry's events on the ledger in order, from the audit trail's index (no re-reading of the log). */
    private List<HistoryLine> history(String submissionId) {
        Locale locale = LocaleContextHolder.getLocale();
        return trail.find(1, Integer.MAX_VALUE, line -> line.concerns(submissionId)).stream()
                .map(line -> new HistoryLine(line.position(), festivalTime.dateTime(line.timestamp()),
                        messages.getMessage("entry.history." + line.type(), null,
                                messages.getMessage("entry.history.other", new Object[]{line.type()}, locale), locale),
                        line.actor(), line.reason()))
                .toList();
    }

    /** The notifications to the entry's entrant, oldest first, each outcome in the page's language. */
    private List<NotificationLine> notifications(String submissionId) {
        return outbox.about(submissionId).stream().map(notification -> new NotificationLine(notification.id(),
                notification.kind(), notification.status(), notification.attempts(),
                notification.outcomes().stream().map(outcome -> new OutcomeLine(outcome.at(),
                        outcomeSentence(OutcomeWords.of(outcome.outcome())))).toList())).toList();
    }

    private String outcomeSentence(OutcomeWords words) {
        return answers.message("entry.notifications.outcome." + words.name(), words.values().toArray());
    }

    /** The entry, if it is one of this competition's: another competition's entry is not found here. */
    private Optional<SubmissionView> entryOf(String competitionId, String submissionId) {
        return register.find(submissionId).filter(view -> view.competitionId().equals(competitionId));
    }
}
