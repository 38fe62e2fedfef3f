package org.festivalledger.programme;

import org.festivalledger.language.FestivalTime;
import org.festivalledger.language.Refusals;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.submission.SubmissionStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The programme's facts told in the page's language (bundle {@code organiser-programme}): the schedule's warnings,
 * which the schedule words in English for the API, and the programme's refusals with the festival's local times
 * instead of the domain's UTC instants. Templates call it as {@code ${@programmeWords.warning(item, warning)}}.
 */
@Component("programmeWords")
public class ProgrammeWords {

    private static final Pattern WHOLE_RANGE = Pattern.compile("must be between (\\d+) and (\\d+)");

    private final MessageSource messages;
    private final FestivalTime time;
    private final Refusals refusals;
    private final ProgrammeSchedule schedule;

    ProgrammeWords(MessageSource messages, FestivalTime time, Refusals refusals, ProgrammeSchedule schedule) {
        this.messages = messages;
        this.time = time;
        this.refusals = refusals;
        this.schedule = schedule;
    }

    /** A warning on a screening, e.g. a film that left the competition, with the film's title and the reason. */
    public String warning(ScheduleEntry item, ScheduleWarning warning) {
        String title = item.films() == null ? warning.submissionId() : item.films().stream()
                .filter(film -> film.submissionId().equals(warning.submissionId())).map(FilmLine::title)
                .findFirst().orElse(warning.submissionId());
        String reason = schedule.film(warning.submissionId()).map(FilmFacts::statusReason).orElse(null);
        String key = "programme.warning." + warning.code();
        String known = messages.getMessage(key, new Object[]{title, warning.submissionId(), reason == null ? "" : reason},
                null, LocaleContextHolder.getLocale());
        return known != null ? known : say("programme.warning.other", warning.message());
    }

    /** How a film's place in the competition is named ("withdrawn", "已撤回"). */
    public String status(SubmissionStatus status) {
        return say("programme.film.status." + status.name());
    }

    /** "Screening" or "Forum session". */
    public String kind(BookingKind kind) {
        return say("programme.kind." + kind.name());
    }

    /** The refusal of a programme's rule, in the page's language, with local times where the rule names times. */
    String refusal(String competitionId, RuntimeException refused) {
        if (refused instanceof VenueDoubleBooked clash) {
            Booking holder = clash.holder();
            return say("programme.refusal.venueDoubleBooked", clash.venueName(), kindWords(holder.kind()),
                    titleOf(competitionId, holder.id()), time.dateTime(holder.startsAt()),
                    time.dateTime(holder.venueFreeAt()));
        }
        if (refused instanceof SpeakerDoubleBooked clash) {
            Booking other = clash.other();
            return say("programme.refusal.speakerDoubleBooked", clash.speaker(), titleOf(competitionId, other.id()),
                    time.dateTime(other.startsAt()), time.dateTime(other.endsAt()));
        }
        if (refused instanceof FilmCannotBeScheduled film) {
            String title = schedule.film(film.submissionId()).map(FilmFacts::title).orElse(film.submissionId());
            return say("programme.refusal.filmCannotBeScheduled", title, film.submissionId(), status(film.status()));
        }
        return refusals.explain(refused);
    }

    /**
     * Each field's problems in the page's language, by the form's field names: an item of a list
     * ({@code submissionIds[1]}, {@code speakers[0]}) is told next to the list.
     */
    Map<String, String> byField(InvalidInput refused) {
        Map<String, String> found = new LinkedHashMap<>();
        refused.errors().forEach(error -> found.merge(error.field().replaceAll("\\[.*$", ""),
                fieldProblem(error.message()), (a, b) -> a.equals(b) ? a : a + " " + b));
        return found;
    }

    /** A problem the page finds itself before anything is sent, e.g. a time it cannot read. */
    String pageProblem(String key) {
        return say("programme.problem." + key);
    }

    private String fieldProblem(String domainWords) {
        String words = domainWords == null ? "" : domainWords;
        if (words.startsWith("is required")) {
            return say("field.required");
        }
        if (words.startsWith("must be after startsAt")) {
            return pageProblem("endAfterStart");
        }
        if (words.equals("must name at least one film")) {
            return pageProblem("noFilm");
        }
        if (words.equals("must name at least one speaker")) {
            return pageProblem("noSpeaker");
        }
        if (words.startsWith("names ") && words.endsWith(" again")) {
            return pageProblem("repeated");
        }
        Matcher range = WHOLE_RANGE.matcher(words);
        if (range.matches()) {
            return say("programme.problem.range", range.group(1), range.group(2));
        }
        if (words.startsWith("must be 1 to 64 letters")) {
            return pageProblem("id");
        }
        return refusals.fieldProblem(domainWords);
    }

    private String titleOf(String competitionId, String itemId) {
        return schedule.item(competitionId, itemId).map(ScheduleItem::title).orElse(itemId);
    }

    private String kindWords(BookingKind kind) {
        return say("programme.kind.lower." + kind.name());
    }

    private String say(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
