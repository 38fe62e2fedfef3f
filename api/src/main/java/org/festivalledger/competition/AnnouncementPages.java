package org.festivalledger.competition;

import jakarta.servlet.http.HttpServletResponse;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.festivalledger.http.FormOnce;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.language.FestivalTime;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The organiser's page announcing a competition: its name and edition, the rules entries must meet, the criteria
 * jurors mark on and the award categories. Rows are added without JavaScript: the form offers a few blank rows and
 * a button that shows it again with one more; blank rows are left out. Announced through
 * {@link CompetitionAnnouncements}, the use case the JSON API calls.
 */
@Controller
class AnnouncementPages {

    static final int FIRST_CRITERIA_ROWS = 3;
    static final int FIRST_CATEGORY_ROWS = 2;
    private static final int MOST_ROWS = 50;
    private static final Pattern ROW_FIELD = Pattern.compile("(criteria|awardCategories)\\[(\\d+)](.*)");

    private final CompetitionAnnouncements announcements;
    private final Refusals refusals;
    private final MessageSource messages;
    private final ProjectionProgress progress;
    private final FestivalTime festivalTime;

    AnnouncementPages(CompetitionAnnouncements announcements, Refusals refusals, MessageSource messages,
                      ProjectionProgress progress, FestivalTime festivalTime) {
        this.announcements = announcements;
        this.refusals = refusals;
        this.messages = messages;
        this.progress = progress;
        this.festivalTime = festivalTime;
    }

    @GetMapping("/organiser/competitions/new")
    String form(Model model) {
        return show(Map.of(), FIRST_CRITERIA_ROWS, FIRST_CATEGORY_ROWS, Map.of(), null, model);
    }

    @PostMapping("/organiser/competitions/new")
    String announce(@RequestParam Map<String, String> form, HttpServletResponse response, Model model) {
        int criteriaRows = rows(form.get("criteriaRows"), FIRST_CRITERIA_ROWS);
        int categoryRows = rows(form.get("categoryRows"), FIRST_CATEGORY_ROWS);
        String more = form.get("more");
        if ("criterion".equals(more) || "category".equals(more)) {
            // Only a longer form, nothing recorded: the form is shown again with a new key of its own.
            Map<String, String> typed = new HashMap<>(form);
            typed.remove(FormOnce.FIELD);
            return show(typed, Math.min(MOST_ROWS, criteriaRows + ("criterion".equals(more) ? 1 : 0)),
                    Math.min(MOST_ROWS, categoryRows + ("category".equals(more) ? 1 : 0)), Map.of(), null, model);
        }
        Map<String, String> problems = new LinkedHashMap<>();
        List<Integer> criterionRows = new ArrayList<>();
        List<Criterion> criteria = new ArrayList<>();
        for (int row = 0; row < criteriaRows; row++) {
            String at = "criteria[" + row + "].";
            if (blankRow(form, at, "id", "name", "weight", "min", "max")) {
                continue;
            }
            criterionRows.add(row);
            criteria.add(new Criterion(text(form.get(at + "id")), text(form.get(at + "name")),
                    decimal(form, at + "weight", problems), decimal(form, at + "min", problems),
                    decimal(form, at + "max", problems)));
        }
        List<Integer> categoryRowsUsed = new ArrayList<>();
        List<AwardCategory> categories = new ArrayList<>();
        for (int row = 0; row < categoryRows; row++) {
            String at = "awardCategories[" + row + "].";
            if (blankRow(form, at, "id", "name")) {
                continue;
            }
            categoryRowsUsed.add(row);
            categories.add(new AwardCategory(text(form.get(at + "id")), text(form.get(at + "name")),
                    form.get(at + "jointWinnersAllowed") != null));
        }
        Instant deadline = deadline(form.get("rules.submissionDeadline"), problems);
        int maxRuntime = wholeNumber(form, "rules.maxRuntimeMinutes", problems);
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return show(form, criteriaRows, categoryRows, problems, message("form.problems"), model);
        }
        String id = text(form.get("id"));
        try {
            CompetitionAnnouncements.Announced announced = announcements.announce(id, text(form.get("name")),
                    text(form.get("edition")), criteria, new SubmissionRules(deadline, maxRuntime), categories);
            progress.awaitPosition(announced.position(), Duration.ofSeconds(5));
            return "redirect:/organiser/competitions/" + announced.competitionId();
        } catch (InvalidInput refused) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            refusals.byField(refused).forEach((field, sentence) -> problems.merge(
                    pageField(field, criterionRows, categoryRowsUsed), sentence, (a, b) -> a + " " + b));
            return show(form, criteriaRows, categoryRows, problems, message("form.problems"), model);
        } catch (AggregateStreamCreationException taken) {
            // An id already announced is a conflict on the ledger: said next to the id.
            response.setStatus(HttpStatus.CONFLICT.value());
            problems.put("id", message("announce.problem.idTaken"));
            return show(form, criteriaRows, categoryRows, problems, message("form.problems"), model);
        } catch (RuleViolation | StateConflict refused) {
            response.setStatus(HttpStatus.CONFLICT.value());
            problems.put("id", refusals.explain(refused));
            return show(form, criteriaRows, categoryRows, problems, message("form.problems"), model);
        }
    }

    /**
     * The page's field for a field the domain names: the domain counts only the rows sent (blank ones are left out),
     * the page counts every row it shows.
     */
    static String pageField(String domainField, List<Integer> criterionRows, List<Integer> categoryRows) {
        if (domainField.equals("competitionId")) {
            return "id";
        }
        if (domainField.equals("criteria")) {
            return "criteria[0].id";
        }
        Matcher row = ROW_FIELD.matcher(domainField);
        if (!row.matches()) {
            return domainField;
        }
        List<Integer> shown = row.group(1).equals("criteria") ? criterionRows : categoryRows;
        int sent = Integer.parseInt(row.group(2));
        int onPage = sent < shown.size() ? shown.get(sent) : sent;
        String rest = row.group(3).isEmpty() ? ".id" : row.group(3);
        return row.group(1) + "[" + onPage + "]" + rest;
    }

    private String show(Map<String, String> typed, int criteriaRows, int categoryRows, Map<String, String> problems,
                        String problem, Model model) {
        model.addAttribute("values", typed);
        model.addAttribute("criteriaRows", criteriaRows);
        model.addAttribute("categoryRows", categoryRows);
        model.addAttribute("problems", problems);
        model.addAttribute("problem", problem);
        model.addAttribute("zoneName", festivalTime.zoneName());
        return "organiser/competition-new";
    }

    private static boolean blankRow(Map<String, String> form, String at, String... fields) {
        for (String field : fields) {
            if (text(form.get(at + field)) != null) {
                return false;
            }
        }
        return true;
    }

    private BigDecimal decimal(Map<String, String> form, String field, Map<String, String> problems) {
        String value = text(form.get(field));
        if (value == null) {
            return null; // the domain says it is required
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            problems.put(field, message("announce.problem.number"));
            return null;
        }
    }

    private int wholeNumber(Map<String, String> form, String field, Map<String, String> problems) {
        String value = text(form.get(field));
        if (value == null) {
            return 0; // the domain says it must be greater than zero
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.put(field, message("announce.problem.wholeNumber"));
            return 0;
        }
    }

    private Instant deadline(String value, Map<String, String> problems) {
        String typed = text(value);
        if (typed == null) {
            return null; // the domain says it is required
        }
        try {
            return LocalDateTime.parse(typed).atZone(festivalTime.zone()).toInstant();
        } catch (DateTimeParseException e) {
            problems.put("rules.submissionDeadline", message("announce.problem.dateTime"));
            return null;
        }
    }

    private static int rows(String value, int otherwise) {
        try {
            int rows = Integer.parseInt(value == null ? "" : value.strip());
            return rows < 1 ? otherwise : Math.min(rows, MOST_ROWS);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String message(String key) {
        return messages.getMessage(key, null, LocaleContextHolder.getLocale());
    }
}
