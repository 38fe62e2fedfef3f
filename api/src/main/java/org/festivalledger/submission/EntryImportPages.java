package org.festivalledger.submission;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.identity.Actor;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.submission.ImportLineProblems.LineProblem;
import org.springframework.beans.factory.annotation.Value;
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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The organiser's pages for importing a competition's entries from a CSV file: the form with the columns it takes,
 * the template to fill in, the upload, and the page of an import running in the background. The file is read and its
 * lines checked in the request, through the use case the JSON API uses ({@link EntryIntake}), and recorded all or
 * nothing; a file of {@code ledger.pages.background-import-lines} entries or more is recorded by
 * {@link EntryImportJobs} so the upload never waits for it. A refusal lists its problems by the file's line
 * ({@link ImportLineProblems}).
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/entries")
class EntryImportPages {

    private final CompetitionCatalogue catalogue;
    private final EntryIntake intake;
    private final EntryImportJobs jobs;
    private final ImportLineProblems lineProblems;
    private final Refusals refusals;
    private final EntryPageAnswers answers;
    private final int backgroundImportLines;

    EntryImportPages(CompetitionCatalogue catalogue, EntryIntake intake, EntryImportJobs jobs,
                     ImportLineProblems lineProblems, Refusals refusals, EntryPageAnswers answers,
                     @Value("${ledger.pages.background-import-lines:500}") int backgroundImportLines) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.jobs = jobs;
        this.lineProblems = lineProblems;
        this.refusals = refusals;
        this.answers = answers;
        this.backgroundImportLines = backgroundImportLines;
    }

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
            return answers.notFound(response, model);
        }
        String text = file == null ? "" : withoutByteOrderMark(new String(file.getBytes(), StandardCharsets.UTF_8));
        EntryIntake.ReadFile read;
        try {
            read = intake.read(text);
        } catch (UnreadableCsv refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            List<LineProblem> problems = refused.errors().stream().map(error -> lineProblems.of(text,
                    ((Number) error.get("line")).intValue(), String.valueOf(error.get("field")),
                    String.valueOf(error.get("message")))).toList();
            return showImport(competitionId, problems, answers.message("import.refused", problems.size()), null,
                    response, model);
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showImport(competitionId, List.of(), answers.message("import.unreadable", String.join(" ",
                    refused.errors().stream().map(error -> refusals.fieldProblem(error.message())).toList())),
                    null, response, model);
        }
        if (read.submissions().size() >= backgroundImportLines) {
            EntryImportJobs.Job job = jobs.start(competitionId, text, read, Actor.of(signedIn));
            return "redirect:/organiser/competitions/" + competitionId + "/entries/import/" + job.id();
        }
        try {
            EntryIntake.Imported imported = intake.receiveAll(competitionId, read.submissions(), null);
            answers.settle(imported.position());
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
            return answers.notFound(response, model);
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
            List<LineProblem> problems = rejected.errors().stream().map(error -> lineProblems.of(text,
                    read.fileLineOf(error.line()), error.field(), error.message())).toList();
            return showImport(competitionId, problems, answers.message("import.refused", problems.size()), null,
                    response, model);
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

    private String showImport(String competitionId, List<LineProblem> problems, String problem,
                              EntryImportJobs.Job running, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return answers.notFound(response, model);
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
}
