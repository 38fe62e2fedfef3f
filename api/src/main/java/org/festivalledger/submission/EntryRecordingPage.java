package org.festivalledger.submission;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organiser's page for recording one entry by hand, through the use case the JSON API uses ({@link EntryIntake}).
 * A refusal is shown next to the field it is about, with what was typed kept and a 4xx status, and nothing is
 * recorded. A runtime that is not a whole number is refused here, before the use case is asked, since a form's box
 * can carry any text.
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/entries")
class EntryRecordingPage {

    private final CompetitionCatalogue catalogue;
    private final EntryIntake intake;
    private final Refusals refusals;
    private final EntryPageAnswers answers;

    EntryRecordingPage(CompetitionCatalogue catalogue, EntryIntake intake, Refusals refusals,
                       EntryPageAnswers answers) {
        this.catalogue = catalogue;
        this.intake = intake;
        this.refusals = refusals;
        this.answers = answers;
    }

    @GetMapping("/new")
    String newEntry(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return showNew(competitionId, Map.of(), Map.of(), null, response, model);
    }

    @PostMapping("/new")
    String record(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                  HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return answers.notFound(response, model);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        Integer runtime = EntryForms.wholeNumber(form.get("runtimeMinutes"));
        if (runtime == null && !EntryForms.blank(form.get("runtimeMinutes"))) {
            problems.put("runtimeMinutes", answers.message("announce.problem.wholeNumber"));
        }
        AiWorkflow workflow = EntryForms.choice(AiWorkflow.class, form.get("aiWorkflow"));
        Entry entry = new Entry(trimmed(form.get("title")), lines(form.get("team")), trimmed(form.get("country")),
                runtime == null ? 0 : runtime, trimmed(form.get("synopsis")),
                new AiDisclosure(lines(form.get("aiTools")), workflow));
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return showNew(competitionId, form, problems, answers.message("form.problems"), response, model);
        }
        try {
            EntryIntake.Received received = intake.receive(competitionId, EntryForms.blank(form.get("id")) ? null
                    : form.get("id").strip(), entry);
            answers.settle(received.position());
            return "redirect:/organiser/competitions/" + competitionId + "/entries/" + received.submissionId()
                    + "?recorded";
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            refusals.byField(refused).forEach((field, sentence) -> problems.merge(EntryForms.entryField(field),
                    sentence, (a, b) -> a + " " + b));
            return showNew(competitionId, form, problems, answers.message("form.problems"), response, model);
        } catch (RuntimeExceedsLimit refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            problems.put("runtimeMinutes", refusals.explain(refused));
            return showNew(competitionId, form, problems, answers.message("form.problems"), response, model);
        } catch (RuleViolation | StateConflict | UnknownEntity refused) {
            response.setStatus(refused instanceof UnknownEntity ? 404 : HttpStatus.CONFLICT.value());
            return showNew(competitionId, form, problems, refusals.explain(refused), response, model);
        }
    }

    private String showNew(String competitionId, Map<String, String> typed, Map<String, String> problems,
                           String problem, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return answers.notFound(response, model);
        }
        model.addAttribute("competition", competition);
        model.addAttribute("workflows", AiWorkflow.values());
        model.addAttribute("values", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("problem", problem);
        return "organiser/entry-new";
    }

    /** One item per line (or per semicolon, as in the CSV file), blanks left out. */
    private static List<String> lines(String text) {
        if (EntryForms.blank(text)) {
            return List.of();
        }
        return Arrays.stream(text.split("[\\r\\n;]+")).map(String::strip).filter(item -> !item.isEmpty()).toList();
    }

    private static String trimmed(String text) {
        return text == null ? null : text.strip();
    }
}
