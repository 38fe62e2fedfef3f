package org.festivalledger.submission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.audit.AuditTrail;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.entrant.EntrantDirectory;
import org.festivalledger.entrant.EntrantOutbox;
import org.festivalledger.entrant.NotificationResending;
import org.festivalledger.entrant.OutcomeWords;
import org.festivalledger.http.UnknownId;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.identity.Actor;
import org.festivalledger.language.FestivalTime;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organiser's pages for a competition's entries: the list (search, filters, pages), one entry with its history on
 * the ledger and the rulings on it, recording one entry, importing a CSV file. Every command goes through the use case
 * the JSON API uses ({@link EntryIntake}, {@link EntryRulings}, {@link NotificationResending}). Who sent an entry (an
 * entrant's address, or that it was erased) is read from the {@link EntrantDirectory} as a page is rendered, for the
 * entries on it only, and kept nowhere else.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/entries")
class EntryPages {

    private static final int PAGE_LINKS_AROUND = 2;
    private static final int SHOWN_LINE_LENGTH = 200;

    private final CompetitionCatalogue catalogue;
    private final SubmissionRegister register;
    private final EntryIntake intake;
    private final EntryRulings rulings;
    private final EntryImportJobs jobs;
    private final AuditTrail trail;
    private final Refusals refusals;
    private final MessageSource messages;
    private final ProjectionProgress progress;
    private final FestivalTime festivalTime;
    private final EntrantDirectory entrants;
    private final EntrantOutbox outbox;
    private final NotificationResending resending;
    private final int backgroundImportLines;

    EntryPages(CompetitionCatalogue catalogue, SubmissionRegister register, EntryIntake intake, EntryRulings rulings,
               EntryImportJobs jobs, AuditTrail trail, Refusals refusals, MessageSource messages,
               ProjectionProgress progress, FestivalTime festivalTime, EntrantDirectory entrants,
               EntrantOutbox outbox, NotificationResending resending,
               @Value("${ledger.pages.background-import-lines:500}") int backgroundImportLines) {
        this.catalogue = catalogue;
        this.register = register;
        this.intake = intake;
        this.rulings = rulings;
        this.jobs = jobs;
        this.trail = trail;
        this.refusals = refusals;
        this.messages = messages;
        this.progress = progress;
        this.festivalTime = festivalTime;
        this.entrants = entrants;
        this.outbox = outbox;
        this.resending = resending;
        this.backgroundImportLines = backgroundImportLines;
    }

    /** A link to one page of the list; {@code number} 0 stands for the gap between distant pages. */
    record PageLink(int number, String href, boolean current) {
    }

    /** One event of an entry's history, described in the page's language. */
    record HistoryLine(long position, String when, String what, String actor, String reason) {
    }

    /** One problem of an import, by the line of the file it is on, with the line as it was written. */
    record LineProblem(int line, String text, String problem) {
    }

    /** A notification to the entry's entrant, its outcomes said in the page's language. */
    record NotificationLine(String id, EntrantOutbox.Kind kind, EntrantOutbox.Status status, int attempts,
                            List<OutcomeLine> outcomes) {
    }

    /** One outcome of a notification: when, and what happened. */
    record OutcomeLine(Instant at, String what) {
    }

    // ---------------------------------------------------------------------------------------------- the list

    @GetMapping
    String list(@PathVariable String competitionId, @RequestParam Map<String, String> query,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        EntrySearch search = new EntrySearch(query.get("q"), choice(SubmissionStatus.class, query.get("status")),
                query.get("country"), choice(AiWorkflow.class, query.get("workflow")), number(query.get("page")),
                EntrySearch.DEFAULT_PAGE_SIZE);
        EntryPage found = register.search(competitionId, search);
        model.addAttribute("competition", competition);
        model.addAttribute("query", query);
        model.addAttribute("found", found);
        model.addAttribute("submitters", submitters(found.entries()));
        model.addAttribute("counts", register.countsOf(competitionId));
        model.addAttribute("statuses", SubmissionStatus.values());
        model.addAttribute("workflows", AiWorkflow.values());
        model.addAttribute("pageLinks", pageLinks(request, query, found));
        model.addAttribute("previousHref", pageHref(request, query, found.page() - 1));
        model.addAttribute("nextHref", pageHref(request, query, found.page() + 1));
        model.addAttribute("imported", query.get("imported"));
        return "organiser/entries";
    }

    /** Who sent each entry shown (by the entry's id), for the entries an entrant sent; read now, kept nowhere. */
    private Map<String, EntrantDirectory.Submitter> submitters(List<SubmissionView> shown) {
        Map<String, EntrantDirectory.Submitter> submitters = new HashMap<>();
        for (SubmissionView entry : shown) {
            if (entry.entrantId() != null) {
                submitters.put(entry.id(), entrants.submitter(entry.entrantId()));
            }
        }
        return submitters;
    }

    private static List<PageLink> pageLinks(HttpServletRequest request, Map<String, String> query, EntryPage found) {
        List<PageLink> links = new ArrayList<>();
        int last = found.pages();
        int previous = 0;
        for (int number = 1; number <= last; number++) {
            boolean shown = number == 1 || number == last || Math.abs(number - found.page()) <= PAGE_LINKS_AROUND;
            if (!shown) {
                continue;
            }
            if (previous != 0 && number > previous + 1) {
                links.add(new PageLink(0, null, false));
            }
            links.add(new PageLink(number, pageHref(request, query, number), number == found.page()));
            previous = number;
        }
        return links;
    }

    /** This list's address with the same search, at another page: shareable, and it works without JavaScript. */
    static String pageHref(HttpServletRequest request, Map<String, String> query, int page) {
        UriComponentsBuilder href = UriComponentsBuilder.fromPath(request.getRequestURI());
        for (String name : List.of("q", "status", "country", "workflow")) {
            String value = query.get(name);
            if (value != null && !value.isBlank()) {
                href.queryParam(name, value);
            }
        }
        return href.queryParam("page", page).encode().build().toUriString();
    }

    // ---------------------------------------------------------------------------------------------- one entry

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
            return notFound(response, model);
        }
        String field = which + "-reason";
        model.addAttribute(which + "Form", form);
        try {
            settle(ruling.applyAsLong(form.getOrDefault("reason", "").strip()));
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

    private String showEntry(String competitionId, String submissionId, Map<String, String> problems, String problem,
                             HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        Optional<SubmissionView> entry = entryOf(competitionId, submissionId);
        if (competition == null || entry.isEmpty()) {
            return notFound(response, model);
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
        return message("entry.notifications.outcome." + words.name(), words.values().toArray());
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
            return notFound(response, model);
        }
        try {
            resending.resend(notificationId, signedIn.getName());
            return "redirect:/organiser/competitions/" + competitionId + "/entries/" + submissionId + "?resent";
        } catch (UnknownId refused) {
            return notFound(response, model);
        } catch (StateConflict refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showEntry(competitionId, submissionId, Map.of(), refusals.explain(refused), response, model);
        }
    }

    private Optional<SubmissionView> entryOf(String competitionId, String submissionId) {
        return register.find(submissionId).filter(view -> view.competitionId().equals(competitionId));
    }

    // ---------------------------------------------------------------------------------------------- record one

    @GetMapping("/new")
    String newEntry(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return showNew(competitionId, Map.of(), Map.of(), null, response, model);
    }

    @PostMapping("/new")
    String record(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                  HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return notFound(response, model);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Integer runtime = wholeNumber(form.get("runtimeMinutes"));
        if (runtime == null && !blank(form.get("runtimeMinutes"))) {
            problems.put("runtimeMinutes", message("announce.problem.wholeNumber"));
        }
        AiWorkflow workflow = choice(AiWorkflow.class, form.get("aiWorkflow"));
        Entry entry = new Entry(trimmed(form.get("title")), lines(form.get("team")), trimmed(form.get("country")),
                runtime == null ? 0 : runtime, trimmed(form.get("synopsis")),
                new AiDisclosure(lines(form.get("aiTools")), workflow));
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showNew(competitionId, form, problems, message("form.problems"), response, model);
        }
        try {
            EntryIntake.Received received = intake.receive(competitionId, blank(form.get("id")) ? null
                    : form.get("id").strip(), entry);
            settle(received.position());
            return "redirect:/organiser/competitions/" + competitionId + "/entries/" + received.submissionId()
                    + "?recorded";
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            refusals.byField(refused).forEach((field, sentence) -> problems.merge(entryField(field), sentence,
                    (a, b) -> a + " " + b));
            return showNew(competitionId, form, problems, message("form.problems"), response, model);
        } catch (RuntimeExceedsLimit refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            problems.put("runtimeMinutes", refusals.explain(refused));
            return showNew(competitionId, form, problems, message("form.problems"), response, model);
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            response.setStatus(refused instanceof UnknownEntity ? 404 : HttpStatus.CONFLICT.value());
            return showNew(competitionId, form, problems, refusals.explain(refused), response, model);
        }
    }

    /**
     * The form's field (and the CSV file's column) for a field the domain names: the team is one box, and so are the
     * AI tools; the domain's {@code submissionId} is the form's {@code id}.
     */
    private static String entryField(String domainField) {
        if (domainField.startsWith("team")) {
            return "team";
        }
        if (domainField.startsWith("aiDisclosure.tools")) {
            return "aiTools";
        }
        if (domainField.startsWith("aiDisclosure")) {
            return "aiWorkflow";
        }
        return domainField.equals("submissionId") ? "id" : domainField;
    }

    private String showNew(String competitionId, Map<String, String> typed, Map<String, String> problems,
                           String problem, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition);
        model.addAttribute("workflows", AiWorkflow.values());
        model.addAttribute("values", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("problem", problem);
        return "organiser/entry-new";
    }

    // ---------------------------------------------------------------------------------------------- import

    @GetMapping("/import")
    String importForm(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return showImport(competitionId, List.of(), null, null, response, model);
    }

    @GetMapping(value = "/import/template.csv")
    ResponseEntity<String> template(@PathVariable String competitionId) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("entries-template.csv").build().toString())
                .body(CsvImport.TEMPLATE);
    }

    @PostMapping("/import")
    String importFile(@PathVariable String competitionId, @RequestParam(value = "file", required = false)
                      MultipartFile file, Authentication signedIn, HttpServletResponse response, Model model)
            throws IOException {
        if (catalogue.find(competitionId).isEmpty()) {
            return notFound(response, model);
        }
        String text = file == null ? "" : withoutByteOrderMark(new String(file.getBytes(), StandardCharsets.UTF_8));
        EntryIntake.ReadFile read;
        try {
            read = intake.read(text);
        } catch (UnreadableCsv refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<LineProblem> problems = refused.errors().stream().map(error -> lineProblem(text,
                    ((Number) error.get("line")).intValue(), String.valueOf(error.get("field")),
                    String.valueOf(error.get("message")))).toList();
            return showImport(competitionId, problems, message("import.refused", problems.size()), null, response,
                    model);
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showImport(competitionId, List.of(), message("import.unreadable", String.join(" ",
                    refused.errors().stream().map(error -> refusals.fieldProblem(error.message())).toList())),
                    null, response, model);
        }
        if (read.submissions().size() >= backgroundImportLines) {
            EntryImportJobs.Job job = jobs.start(competitionId, text, read, Actor.of(signedIn));
            return "redirect:/organiser/competitions/" + competitionId + "/entries/import/" + job.id();
        }
        try {
            EntryIntake.Imported imported = intake.receiveAll(competitionId, read.submissions(), null);
            settle(imported.position());
            return "redirect:/organiser/competitions/" + competitionId + "/entries?imported="
                    + imported.submissionIds().size();
        } catch (RuntimeException refused) {
            return refusedImport(competitionId, text, read, refused, response, model);
        }
    }

    @GetMapping("/import/{jobId}")
    String importJob(@PathVariable String competitionId, @PathVariable String jobId, Authentication signedIn,
                     HttpServletResponse response, Model model) {
        Optional<EntryImportJobs.Job> found = jobs.find(jobId, competitionId, signedIn.getName());
        if (found.isEmpty()) {
            return notFound(response, model);
        }
        EntryImportJobs.Job job = found.get();
        return switch (job.state()) {
            case DONE -> "redirect:/organiser/competitions/" + competitionId + "/entries?imported=" + job.entries();
            case REFUSED -> refusedImport(competitionId, job.text(), job.file(), job.refusal(), response, model);
            case RECORDING -> showImport(competitionId, List.of(), null, job, response, model);
        };
    }

    private String refusedImport(String competitionId, String text, EntryIntake.ReadFile read,
                                 RuntimeException refused, HttpServletResponse response, Model model) {
        if (refused instanceof SubmissionsRejected rejected) {
            response.setStatus(HttpStatus.CONFLICT.value());
            List<LineProblem> problems = rejected.errors().stream().map(error -> lineProblem(text,
                    read.fileLineOf(error.line()), error.field(), error.message())).toList();
            return showImport(competitionId, problems, message("import.refused", problems.size()), null, response,
                    model);
        }
        if (refused instanceof InvalidInput invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showImport(competitionId, List.of(), String.join(" ", refusals.byField(invalid).values()), null,
                    response, model);
        }
        if (refused instanceof RuleViolation || refused instanceof StateConflict || refused instanceof UnknownEntity) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return showImport(competitionId, List.of(), refusals.explain(refused), null, response, model);
        }
        throw refused;
    }

    private LineProblem lineProblem(String text, int line, String field, String domainWords) {
        String[] lines = text.split("\\R", -1);
        String written = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        if (written.length() > SHOWN_LINE_LENGTH) {
            written = written.substring(0, SHOWN_LINE_LENGTH) + "…";
        }
        String label = messages.getMessage("import.field." + entryField(field), null, null,
                LocaleContextHolder.getLocale());
        String sentence = lineSentence(domainWords);
        return new LineProblem(line, written, message("import.problem", label == null ? field : label, sentence));
    }

    /**
     * The import's own problems (the CSV reader's, the competition's runtime rule per line) in the page's language,
     * their numbers and values kept; any other in the words {@link Refusals} has for it.
     */
    private String lineSentence(String domainWords) {
        String words = domainWords == null ? "" : domainWords;
        for (Map.Entry<Pattern, String> known : LINE_PROBLEMS.entrySet()) {
            Matcher matched = known.getKey().matcher(words);
            if (matched.matches()) {
                Object[] values = new Object[matched.groupCount()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = matched.group(i + 1);
                }
                return message(known.getValue(), values);
            }
        }
        return refusals.fieldProblem(domainWords);
    }

    /** How the CSV reader and the competition word an import's problems, and the message saying it on the page. */
    private static final Map<Pattern, String> LINE_PROBLEMS = Map.of(
            Pattern.compile("is (\\d+); the competition allows at most (\\d+)"), "import.problem.runtime",
            Pattern.compile("'(.*)' is not a whole number of minutes"), "import.problem.minutes",
            Pattern.compile("'(.*)' is not one of .*"), "import.problem.workflow",
            Pattern.compile("is not a known column; known: (.*)"), "import.problem.column",
            Pattern.compile("column is missing"), "import.problem.missingColumn",
            Pattern.compile("must name at least one member"), "import.problem.team",
            Pattern.compile("'(.*)' is already used on line (\\d+)"), "import.problem.sameId");

    private String showImport(String competitionId, List<LineProblem> problems, String problem,
                              EntryImportJobs.Job running, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition);
        model.addAttribute("columns", String.join(", ", CsvImport.COLUMNS));
        model.addAttribute("workflowNames", String.join(", ", Arrays.stream(AiWorkflow.values()).map(Enum::name)
                .toList()));
        model.addAttribute("lineProblems", problems);
        model.addAttribute("problem", problem);
        model.addAttribute("running", running);
        model.addAttribute("values", Map.of());
        return "organiser/entries-import";
    }

    private static String withoutByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    // ---------------------------------------------------------------------------------------------- shared

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }

    private void settle(long position) {
        progress.awaitPosition(position, Duration.ofSeconds(5));
    }

    private static String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        return "error";
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static int number(String value) {
        Integer number = wholeNumber(value);
        return number == null ? 1 : number;
    }

    private static Integer wholeNumber(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One item per line (or per semicolon, as in the CSV file), blanks left out. */
    private static List<String> lines(String text) {
        if (blank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n;]+")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static String trimmed(String text) {
        return text == null ? null : text.strip();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
