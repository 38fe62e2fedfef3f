package org.festivalledger.entrant;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.http.UnknownId;
import org.festivalledger.identity.EntrantIdentity;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.submission.AiDisclosure;
import org.festivalledger.submission.AiWorkflow;
import org.festivalledger.submission.Entry;
import org.festivalledger.submission.EntryChanges;
import org.festivalledger.transparency.Receipts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The entrant's pages for their entries: sending one to a competition whose call is open, each entry with where it
 * stands, amending it until the deadline, withdrawing it with a reason, and the receipts of their own events. Every
 * form goes through the same services as the API ({@link EntrantEntries}); a refusal is shown next to its field
 * with what was typed, with a 4xx status, and nothing is recorded.
 */
@Controller
class EntrantEntryPages {

    /** How long a page waits for the views to show what it just recorded (the entrant's next page reads them). */
    private static final Duration CATCH_UP = Duration.ofSeconds(5);

    private final EntrantEntries entries;
    private final EntrantEntryList list;
    private final CompetitionCatalogue catalogue;
    private final Refusals refusals;
    private final Receipts receipts;
    private final Clock clock;
    private final ProjectionProgress progress;
    private final EntrantDirectory directory;
    private final MessageSource messages;

    EntrantEntryPages(EntrantEntries entries, EntrantEntryList list, CompetitionCatalogue catalogue, Refusals refusals,
                      Receipts receipts, Clock clock, ProjectionProgress progress, EntrantDirectory directory,
                      MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
        this.progress = progress;
        this.entries = entries;
        this.list = list;
        this.catalogue = catalogue;
        this.refusals = refusals;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** The masthead names the entrant by their address (the ledger knows only their pseudonym). */
    @ModelAttribute("signedInAs")
    String signedInAs(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof EntrantIdentity entrant)) {
            return null;
        }
        return directory.contact(entrant.entrantId())
                .orElseGet(() -> messages.getMessage("entrant.erased", null, LocaleContextHolder.getLocale()));
    }

    /** Competitions whose call for entries is open now. */
    List<CompetitionView> openCalls() {
        return catalogue.all().stream().filter(c -> c.rules().isOpenAt(clock.instant())).toList();
    }

    @GetMapping("/entrant/competitions/{competitionId}/entries/new")
    String newEntry(@PathVariable String competitionId, Model model) {
        return entryForm(model, open(competitionId), Map.of(), Map.of(), null);
    }

    @PostMapping("/entrant/competitions/{competitionId}/entries")
    String submit(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                  Authentication authentication, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId)
                .orElseThrow(() -> new UnknownId("competition", competitionId));
        try {
            EntrantEntries.Submitted submitted = entries.submit(competitionId, entrant(authentication), entryOf(form));
            progress.awaitPosition(submitted.position(), CATCH_UP);
            return "redirect:/entrant/entries/" + submitted.id() + "?submitted";
        } catch (RuntimeException refused) {
            return entryForm(model, competition, form, refusedWith(refused, response, model), null);
        }
    }

    @GetMapping("/entrant/entries/{submissionId}")
    String entry(@PathVariable String submissionId, @RequestParam(required = false) String submitted,
                 @RequestParam(required = false) String amended, Authentication authentication, Model model) {
        EntrantEntryList.OwnEntry entry = own(authentication, submissionId);
        model.addAttribute("notice", submitted != null ? "submitted" : amended != null ? "amended" : null);
        return entryPage(model, entry, valuesOf(entry.entry()), Map.of(), Map.of());
    }

    @PostMapping("/entrant/entries/{submissionId}/amendment")
    String amend(@PathVariable String submissionId, @RequestParam Map<String, String> form,
                 Authentication authentication, HttpServletResponse response, Model model) {
        EntrantEntryList.OwnEntry entry = own(authentication, submissionId);
        try {
            Entry amended = entryOf(form);
            Recorded recorded = entries.amend(entry.competitionId(), submissionId, entrant(authentication),
                    new EntryChanges(amended.title(), amended.team(), amended.country(), amended.runtimeMinutes(),
                            amended.synopsis(), amended.aiDisclosure()));
            progress.awaitPosition(recorded.position(), CATCH_UP);
            return "redirect:/entrant/entries/" + submissionId + "?amended";
        } catch (RuntimeException refused) {
            Map<String, String> problems = refusedWith(refused, response, model);
            return entryPage(model, entry, form, problems, Map.of());
        }
    }

    @PostMapping("/entrant/entries/{submissionId}/withdrawal")
    String withdraw(@PathVariable String submissionId, @RequestParam Map<String, String> form,
                    Authentication authentication, HttpServletResponse response, Model model) {
        EntrantEntryList.OwnEntry entry = own(authentication, submissionId);
        try {
            Recorded recorded = entries.withdraw(entry.competitionId(), submissionId, entrant(authentication),
                    form.get("reason"));
            progress.awaitPosition(recorded.position(), CATCH_UP);
            return "redirect:/entrant/entries/" + submissionId;
        } catch (RuntimeException refused) {
            Map<String, String> problems = refusedWith(refused, response, model);
            return entryPage(model, entry, valuesOf(entry.entry()), Map.of(), problems, form);
        }
    }

    /** The receipt of one of the entrant's own events, as a file to keep and verify offline. */
    @GetMapping(path = "/entrant/receipts/{position}", produces = "application/json")
    @ResponseBody
    ResponseEntity<Object> receipt(@PathVariable long position, Authentication authentication) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"receipt-" + position + ".json\"").body(receipts.of(position, authentication));
    }

    private CompetitionView open(String competitionId) {
        return catalogue.find(competitionId).orElseThrow(() -> new UnknownId("competition", competitionId));
    }

    private String entryForm(Model model, CompetitionView competition, Map<String, String> values,
                             Map<String, String> problems, String problem) {
        model.addAttribute("competition", competition);
        model.addAttribute("open", competition.rules().isOpenAt(clock.instant()));
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        if (problem != null) {
            model.addAttribute("problem", problem);
        }
        model.addAttribute("workflows", AiWorkflow.values());
        return "entrant/new-entry";
    }

    private String entryPage(Model model, EntrantEntryList.OwnEntry entry, Map<String, String> values,
                             Map<String, String> problems, Map<String, String> withdrawalProblems) {
        return entryPage(model, entry, values, problems, withdrawalProblems, Map.of());
    }

    private String entryPage(Model model, EntrantEntryList.OwnEntry entry, Map<String, String> values,
                             Map<String, String> problems, Map<String, String> withdrawalProblems,
                             Map<String, String> withdrawalValues) {
        model.addAttribute("entry", entry);
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("withdrawalValues", withdrawalValues);
        model.addAttribute("withdrawalProblems", withdrawalProblems);
        model.addAttribute("workflows", AiWorkflow.values());
        model.addAttribute("verifierKey", receipts.verifierKey());
        return "entrant/entry";
    }

    /**
     * The refusal's sentences by field (what the domain named, on the form's fields) and its status; a refusal with
     * no field goes to the top of the form ({@code problem}).
     */
    private Map<String, String> refusedWith(RuntimeException refused, HttpServletResponse response, Model model) {
        if (refused instanceof InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            Map<String, String> byField = new HashMap<>();
            refusals.byField(invalid).forEach((field, sentence) -> byField.merge(formField(field), sentence,
                    (a, b) -> a + " " + b));
            if (byField.containsKey("entry")) {
                model.addAttribute("problem", byField.remove("entry"));
            }
            return byField;
        }
        if (refused instanceof UnknownEntity || refused instanceof AggregateNotFoundException) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
        } else if (refused instanceof RuleViolation || refused instanceof StateConflict) {
            response.setStatus(HttpStatus.CONFLICT.value());
        } else {
            throw refused;
        }
        model.addAttribute("problem", refusals.explain(refused));
        return Map.of();
    }

    /** The form field a domain field name belongs to ({@code team[2]} is the team box). */
    private static String formField(String domainField) {
        if (domainField.startsWith("team")) {
            return "team";
        }
        if (domainField.startsWith("aiDisclosure.tools")) {
            return "aiTools";
        }
        if (domainField.startsWith("aiDisclosure")) {
            return "aiWorkflow";
        }
        return domainField;
    }

    /** The entry a form describes: the team and the tools one per line. */
    static Entry entryOf(Map<String, String> form) {
        String runtime = form.getOrDefault("runtimeMinutes", "").strip();
        int minutes;
        try {
            minutes = runtime.isEmpty() ? 0 : Integer.parseInt(runtime);
        } catch (NumberFormatException e) {
            throw InvalidInput.of("runtimeMinutes", "must be a whole number of minutes");
        }
        AiWorkflow workflow = Arrays.stream(AiWorkflow.values())
                .filter(w -> w.name().equals(form.get("aiWorkflow"))).findFirst().orElse(null);
        return new Entry(blankToNull(form.get("title")), lines(form.get("team")), blankToNull(form.get("country")),
                minutes, blankToNull(form.get("synopsis")), new AiDisclosure(lines(form.get("aiTools")), workflow));
    }

    private static Map<String, String> valuesOf(Entry entry) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", entry.title());
        values.put("team", entry.team() == null ? "" : String.join("\n", entry.team()));
        values.put("country", entry.country());
        values.put("runtimeMinutes", Integer.toString(entry.runtimeMinutes()));
        values.put("synopsis", entry.synopsis() == null ? "" : entry.synopsis());
        values.put("aiTools", entry.aiDisclosure() == null || entry.aiDisclosure().tools() == null ? ""
                : String.join("\n", entry.aiDisclosure().tools()));
        values.put("aiWorkflow", entry.aiDisclosure() == null || entry.aiDisclosure().workflow() == null ? ""
                : entry.aiDisclosure().workflow().name());
        return values;
    }

    private static List<String> lines(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private EntrantEntryList.OwnEntry own(Authentication authentication, String submissionId) {
        return list.find(entrant(authentication), submissionId)
                .orElseThrow(() -> new UnknownId("entry", submissionId));
    }

    private static String entrant(Authentication authentication) {
        return ((EntrantIdentity) authentication.getPrincipal()).entrantId();
    }
}
