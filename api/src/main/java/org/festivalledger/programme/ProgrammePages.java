package org.festivalledger.programme;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.http.UnknownId;
import org.festivalledger.language.FestivalTime;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.submission.SubmissionRegister;
import org.festivalledger.submission.SubmissionStatus;
import org.festivalledger.submission.UnknownSubmission;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The organiser's programme in the browser: a timeline of each festival day by venue (with the schedule's
 * warnings), and the forms that add a venue and schedule, move or cancel a screening or a forum session. Each form
 * goes through the same use case as the JSON API ({@link ProgrammeVenues}, {@link ScreeningBookings},
 * {@link ForumSessionBookings}); a refusal is shown next to the field it is about, with what was typed kept.
 * Times are typed and shown in the festival's time zone ({@link FestivalTime}).
 */
@Controller
@RequestMapping("/organiser/competitions/{competitionId}/programme")
class ProgrammePages {

    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final CompetitionCatalogue catalogue;
    private final ProgrammeSchedule schedule;
    private final SubmissionRegister register;
    private final ProgrammeVenues venues;
    private final ScreeningBookings screenings;
    private final ForumSessionBookings sessions;
    private final ProgrammeWords words;
    private final FestivalTime time;
    private final ProjectionProgress progress;

    ProgrammePages(CompetitionCatalogue catalogue, ProgrammeSchedule schedule, SubmissionRegister register,
                   ProgrammeVenues venues, ScreeningBookings screenings, ForumSessionBookings sessions,
                   ProgrammeWords words, FestivalTime time, ProjectionProgress progress) {
        this.catalogue = catalogue;
        this.schedule = schedule;
        this.register = register;
        this.venues = venues;
        this.screenings = screenings;
        this.sessions = sessions;
        this.words = words;
        this.time = time;
        this.progress = progress;
    }

    /** A film a screening form offers: an entry still in the competition, or one chosen that has left it. */
    record FilmChoice(String id, String title, int runtimeMinutes, SubmissionStatus status, boolean chosen) {

        public boolean inCompetition() {
            return status == SubmissionStatus.RECEIVED;
        }
    }

    /** A refused form: its status, each field's problem, and the sentence that has no field of its own. */
    record Refused(HttpStatus status, Map<String, String> problems, String general) {

        Refused renamed(String field, String as) {
            Map<String, String> renamed = new LinkedHashMap<>();
            problems.forEach((name, problem) -> renamed.put(name.equals(field) ? as : name, problem));
            return new Refused(status, renamed, general);
        }
    }

    // ---- the timeline ----

    @GetMapping
    String timeline(@PathVariable String competitionId, @RequestParam(required = false) String scheduled,
                    @RequestParam(required = false) String venueAdded, HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        Schedule timeline = schedule.organiserSchedule(competitionId, time.zone());
        model.addAttribute("competition", competition);
        model.addAttribute("schedule", timeline);
        model.addAttribute("venues", schedule.venues(competitionId));
        model.addAttribute("warned", timeline.entries().stream()
                .filter(entry -> entry.warnings() != null && !entry.warnings().isEmpty()).toList());
        model.addAttribute("justScheduled", scheduled == null ? null : timeline.entries().stream()
                .filter(entry -> entry.id().equals(scheduled)).findFirst().orElse(null));
        model.addAttribute("justAdded", venueAdded == null ? null : schedule.venues(competitionId).stream()
                .filter(venue -> venue.id().equals(venueAdded)).findFirst().orElse(null));
        return "organiser/programme";
    }

    // ---- venues ----

    @GetMapping("/venues/new")
    String newVenue(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return venueForm(competitionId, Map.of(), null, response, model);
    }

    @PostMapping("/venues")
    String addVenue(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                    HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return notFound(response, model);
        }
        Typed typed = new Typed();
        Integer capacity = typed.whole("capacity", form.get("capacity"));
        Integer changeover = typed.whole("changeoverMinutes", form.get("changeoverMinutes"));
        return attempt(competitionId, typed,
                () -> venues.add(competitionId, blankToNull(form.get("id")), form.get("name"), capacity, changeover),
                added -> timelineAfter(competitionId, "venueAdded", added.id(), "venues"),
                refused -> venueForm(competitionId, form, refused, response, model), response);
    }

    private String venueForm(String competitionId, Map<String, String> typed, Refused refused,
                             HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition);
        refusal(model, typed, refused);
        return "organiser/programme-venue";
    }

    // ---- screenings ----

    @GetMapping("/screenings/new")
    String newScreening(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return screeningForm(competitionId, new LinkedMultiValueMap<>(), null, response, model);
    }

    @PostMapping("/screenings")
    String scheduleScreening(@PathVariable String competitionId, @RequestParam MultiValueMap<String, String> form,
                             HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return notFound(response, model);
        }
        Typed typed = new Typed();
        Instant startsAt = typed.instant("startsAt", form.getFirst("startsAt"), false);
        return attempt(competitionId, typed,
                () -> screenings.schedule(competitionId, blankToNull(form.getFirst("id")), form.getFirst("title"),
                        blankToNull(form.getFirst("venueId")), startsAt, films(form), form.containsKey("public")),
                booked -> timelineAfter(competitionId, "scheduled", booked.id(), "item-" + booked.id()),
                refused -> screeningForm(competitionId, form, refused, response, model), response);
    }

    private String screeningForm(String competitionId, MultiValueMap<String, String> typed, Refused refused,
                                 HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition);
        model.addAttribute("venues", schedule.venues(competitionId));
        model.addAttribute("films", filmChoices(competitionId, films(typed)));
        refusal(model, typed.toSingleValueMap(), refused);
        return "organiser/programme-screening-new";
    }

    @GetMapping("/screenings/{screeningId}")
    String screening(@PathVariable String competitionId, @PathVariable String screeningId,
                     HttpServletResponse response, Model model) {
        return itemPage(competitionId, screeningId, BookingKind.SCREENING, null, null, null, response, model);
    }

    @PostMapping("/screenings/{screeningId}/reschedule")
    String moveScreening(@PathVariable String competitionId, @PathVariable String screeningId,
                         @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        Typed typed = new Typed();
        Instant startsAt = typed.instant("startsAt", form.getFirst("startsAt"), true);
        return changeItem(competitionId, screeningId, BookingKind.SCREENING, "move", typed,
                () -> screenings.reschedule(competitionId, screeningId, blankToNull(form.getFirst("venueId")),
                        startsAt, films(form), form.getFirst("reason")), form, response, model);
    }

    @PostMapping("/screenings/{screeningId}/cancellation")
    String cancelScreening(@PathVariable String competitionId, @PathVariable String screeningId,
                           @RequestParam MultiValueMap<String, String> form, HttpServletResponse response,
                           Model model) {
        return changeItem(competitionId, screeningId, BookingKind.SCREENING, "cancel", new Typed(),
                () -> screenings.cancel(competitionId, screeningId, form.getFirst("reason")), form, response, model);
    }

    // ---- forum sessions ----

    @GetMapping("/forum-sessions/new")
    String newSession(@PathVariable String competitionId, HttpServletResponse response, Model model) {
        return sessionForm(competitionId, Map.of(), null, response, model);
    }

    @PostMapping("/forum-sessions")
    String scheduleSession(@PathVariable String competitionId, @RequestParam Map<String, String> form,
                           HttpServletResponse response, Model model) {
        if (catalogue.find(competitionId).isEmpty()) {
            return notFound(response, model);
        }
        Typed typed = new Typed();
        Instant startsAt = typed.instant("startsAt", form.get("startsAt"), false);
        Instant endsAt = typed.instant("endsAt", form.get("endsAt"), false);
        return attempt(competitionId, typed,
                () -> sessions.schedule(competitionId, blankToNull(form.get("id")), form.get("title"),
                        speakers(form.get("speakers")), blankToNull(form.get("venueId")), startsAt, endsAt,
                        form.containsKey("public")),
                booked -> timelineAfter(competitionId, "scheduled", booked.id(), "item-" + booked.id()),
                refused -> sessionForm(competitionId, form, refused, response, model), response);
    }

    private String sessionForm(String competitionId, Map<String, String> typed, Refused refused,
                               HttpServletResponse response, Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        if (competition == null) {
            return notFound(response, model);
        }
        model.addAttribute("competition", competition);
        model.addAttribute("venues", schedule.venues(competitionId));
        refusal(model, typed, refused);
        return "organiser/programme-session-new";
    }

    @GetMapping("/forum-sessions/{sessionId}")
    String session(@PathVariable String competitionId, @PathVariable String sessionId,
                   HttpServletResponse response, Model model) {
        return itemPage(competitionId, sessionId, BookingKind.FORUM_SESSION, null, null, null, response, model);
    }

    @PostMapping("/forum-sessions/{sessionId}/reschedule")
    String moveSession(@PathVariable String competitionId, @PathVariable String sessionId,
                       @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        Typed typed = new Typed();
        Instant startsAt = typed.instant("startsAt", form.getFirst("startsAt"), true);
        Instant endsAt = typed.instant("endsAt", form.getFirst("endsAt"), true);
        return changeItem(competitionId, sessionId, BookingKind.FORUM_SESSION, "move", typed,
                () -> sessions.reschedule(competitionId, sessionId, blankToNull(form.getFirst("venueId")), startsAt,
                        endsAt, form.getFirst("reason")), form, response, model);
    }

    @PostMapping("/forum-sessions/{sessionId}/cancellation")
    String cancelSession(@PathVariable String competitionId, @PathVariable String sessionId,
                         @RequestParam MultiValueMap<String, String> form, HttpServletResponse response, Model model) {
        return changeItem(competitionId, sessionId, BookingKind.FORUM_SESSION, "cancel", new Typed(),
                () -> sessions.cancel(competitionId, sessionId, form.getFirst("reason")), form, response, model);
    }

    // ---- one screening or session, with its move and cancel forms ----

    private String itemPage(String competitionId, String itemId, BookingKind kind, String refusedForm,
                            MultiValueMap<String, String> typed, Refused refused, HttpServletResponse response,
                            Model model) {
        CompetitionView competition = catalogue.find(competitionId).orElse(null);
        ScheduleEntry item;
        try {
            item = competition == null ? null : Answers.entry(schedule, competitionId, itemId, kind);
        } catch (UnknownId unknown) {
            item = null;
        }
        if (item == null) {
            return notFound(response, model);
        }
        ScheduleEntry shown = item;
        model.addAttribute("competition", competition);
        model.addAttribute("item", item);
        model.addAttribute("venue", schedule.venues(competitionId).stream()
                .filter(venue -> venue.id().equals(shown.venueId())).findFirst().orElse(null));
        model.addAttribute("venues", schedule.venues(competitionId));
        Map<String, String> move = new LinkedHashMap<>();
        move.put("venueId", item.venueId());
        move.put("startsAt", time.inputValue(item.startsAt()));
        move.put("endsAt", time.inputValue(item.endsAt()));
        Collection<String> chosen = item.films() == null ? List.of()
                : item.films().stream().map(FilmLine::submissionId).toList();
        Map<String, String> cancel = Map.of();
        if ("move".equals(refusedForm)) {
            move = typed.toSingleValueMap();
            chosen = films(typed);
        } else if ("cancel".equals(refusedForm)) {
            cancel = typed.toSingleValueMap();
        }
        if (kind == BookingKind.SCREENING) {
            model.addAttribute("films", filmChoices(competitionId, chosen));
        }
        model.addAttribute("moveValues", move);
        model.addAttribute("cancelValues", cancel);
        model.addAttribute("refusedForm", refusedForm);
        refusal(model, null, refused);
        return kind == BookingKind.SCREENING ? "organiser/programme-screening" : "organiser/programme-session";
    }

    // ---- how a form is sent and answered ----

    /**
     * A move or a cancellation sent from an item's page: back to that page with a notice, or the page again with
     * the refusal next to the refused form's fields (the cancel form's reason is {@code cancelReason} there).
     */
    private String changeItem(String competitionId, String itemId, BookingKind kind, String formName, Typed typed,
                              Supplier<Booked> command, MultiValueMap<String, String> form,
                              HttpServletResponse response, Model model) {
        String path = kind == BookingKind.SCREENING ? "screenings" : "forum-sessions";
        return attempt(competitionId, typed, command,
                changed -> "redirect:/organiser/competitions/" + encode(competitionId) + "/programme/" + path + "/"
                        + encode(itemId) + "?" + ("move".equals(formName) ? "moved" : "cancelled"),
                refused -> itemPage(competitionId, itemId, kind, formName, form,
                        "cancel".equals(formName) ? refused.renamed("reason", "cancelReason") : refused,
                        response, model), response);
    }

    /**
     * Sends one command for a form (one form, one command: the form's key is the ledger commit's key) unless what
     * was typed could not be read; on success waits for the views, so the page it leads to shows the change.
     */
    private String attempt(String competitionId, Typed typed, Supplier<Booked> command, Function<Booked, String> done,
                           Function<Refused, String> again, HttpServletResponse response) {
        Refused refused;
        if (!typed.problems.isEmpty()) {
            refused = new Refused(HttpStatus.BAD_REQUEST, typed.problems, null);
        } else {
            try {
                Booked booked = command.get();
                progress.awaitPosition(booked.recorded().position(), SETTLE);
                return done.apply(booked);
            } catch (InvalidInput invalid) {
                refused = new Refused(HttpStatus.BAD_REQUEST, words.byField(invalid), null);
            } catch (RuleViolation | StateConflict broken) {
                refused = placed(competitionId, broken, HttpStatus.CONFLICT);
            } catch (UnknownEntity unknown) {
                refused = placed(competitionId, unknown, HttpStatus.NOT_FOUND);
            }
        }
        response.setStatus(refused.status().value());
        return again.apply(refused);
    }

    /** A refusal of the programme's rules, next to the field it is about, or above the form if none. */
    private Refused placed(String competitionId, RuntimeException refusal, HttpStatus status) {
        String sentence = words.refusal(competitionId, refusal);
        String field = refusal instanceof VenueDoubleBooked ? "startsAt"
                : refusal instanceof FilmCannotBeScheduled || refusal instanceof UnknownSubmission ? "submissionIds"
                : refusal instanceof SpeakerDoubleBooked ? "speakers"
                : refusal instanceof UnknownVenue ? "venueId"
                : refusal instanceof BookingIdTaken || refusal instanceof VenueAlreadyAdded ? "id"
                : null;
        return field == null ? new Refused(status, Map.of(), sentence) : new Refused(status, Map.of(field, sentence), null);
    }

    private static void refusal(Model model, Map<String, String> typed, Refused refused) {
        if (typed != null) {
            model.addAttribute("values", typed);
        }
        model.addAttribute("problems", refused == null ? Map.of() : refused.problems());
        model.addAttribute("problem", refused == null ? null : refused.general());
        model.addAttribute("refused", refused != null);
    }

    private static String timelineAfter(String competitionId, String notice, String id, String anchor) {
        return "redirect:/organiser/competitions/" + encode(competitionId) + "/programme?" + notice + "="
                + encode(id) + "#" + encode(anchor);
    }


    private List<FilmChoice> filmChoices(String competitionId, Collection<String> chosen) {
        return register.of(competitionId).stream()
                .filter(entry -> entry.status() == SubmissionStatus.RECEIVED || chosen.contains(entry.id()))
                .map(entry -> new FilmChoice(entry.id(), entry.title(), entry.runtimeMinutes(), entry.status(),
                        chosen.contains(entry.id())))
                .toList();
    }

    private static List<String> films(MultiValueMap<String, String> form) {
        List<String> chosen = form.get("submissionIds");
        return chosen == null ? List.of() : List.copyOf(chosen);
    }

    /** One speaker a line; empty lines are spacing, not speakers. */
    private static List<String> speakers(String typed) {
        return typed == null ? List.of()
                : Arrays.stream(typed.split("\\R")).filter(line -> !line.isBlank()).toList();
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    private static String encode(String part) {
        return UriUtils.encodePathSegment(part, StandardCharsets.UTF_8);
    }

    private static String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        model.addAttribute("status", 404);
        return "error";
    }

    /** What a form typed, read into the command's types; what cannot be read is a problem next to its field. */
    private final class Typed {

        private final Map<String, String> problems = new LinkedHashMap<>();

        /** A {@code datetime-local} value, in the festival's time zone. */
        Instant instant(String field, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    problems.put(field, words.pageProblem("required"));
                }
                return null;
            }
            try {
                return LocalDateTime.parse(value.strip()).atZone(time.zone()).toInstant();
            } catch (DateTimeParseException unreadable) {
                problems.put(field, words.pageProblem("dateTime"));
                return null;
            }
        }

        Integer whole(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.valueOf(value.strip());
            } catch (NumberFormatException unreadable) {
                problems.put(field, words.pageProblem("wholeNumber"));
                return null;
            }
        }
    }
}
