package org.festivalledger.programme;

import org.festivalledger.language.FestivalTime;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one programme form typed, read into its command's types: a {@code datetime-local} value in the festival's
 * time zone ({@link FestivalTime}), a whole number. What cannot be read is not guessed at but kept as a problem
 * next to its field, and the form's command is then not sent ({@link ProgrammeForms}), so the page names every
 * unreadable field at once. One is made per form ({@link ProgrammeForms#typed()}) because it collects that form's
 * problems.
 */
final class TypedInput {

    private final Map<String, String> problems = new LinkedHashMap<>();
    private final ProgrammeWords words;
    private final FestivalTime time;

    TypedInput(ProgrammeWords words, FestivalTime time) {
        this.words = words;
        this.time = time;
    }

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

    /** Each field that could not be read, with its problem, in the order the form was read. */
    Map<String, String> problems() {
        return Collections.unmodifiableMap(problems);
    }

    /** A field left blank is a field not given, as the JSON API receives it when absent. */
    static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
