package org.festivalledger.submission;

import org.festivalledger.language.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An import's problems as the organiser's import page shows them: by the line of the file, with the line as it was
 * written (cut short), the column's name and the problem in the page's language. The CSV reader and the competition's
 * runtime rule word their problems in the domain's English with the values in them; those are recognised here and
 * said in the reader's language with the same values, and any other problem in the words {@link Refusals} has for it.
 */
@Component
class ImportLineProblems {

    private static final int SHOWN_LINE_LENGTH = 200;

    /** How the CSV reader and the competition word an import's problems, and the message saying it on the page. */
    private static final Map<Pattern, String> LINE_PROBLEMS = Map.of(
            Pattern.compile("is (\\d+); the competition allows at most (\\d+)"), "import.problem.runtime",
            Pattern.compile("'(.*)' is not a whole number of minutes"), "import.problem.minutes",
            Pattern.compile("'(.*)' is not one of .*"), "import.problem.workflow",
            Pattern.compile("is not a known column; known: (.*)"), "import.problem.column",
            Pattern.compile("column is missing"), "import.problem.missingColumn",
            Pattern.compile("must name at least one member"), "import.problem.team",
            Pattern.compile("'(.*)' is already used on line (\\d+)"), "import.problem.sameId");

    private final MessageSource messages;
    private final Refusals refusals;
    private final EntryPageAnswers answers;

    ImportLineProblems(MessageSource messages, Refusals refusals, EntryPageAnswers answers) {
        this.messages = messages;
        this.refusals = refusals;
        this.answers = answers;
    }

    /** One problem of an import, by the line of the file it is on, with the line as it was written. */
    record LineProblem(int line, String text, String problem) {
    }

    LineProblem of(String text, int line, String field, String domainWords) {
        String[] lines = text.split("\\R", -1);
        String written = line >= 1 && line <= lines.length ? lines[line - 1] : "";
        if (written.length() > SHOWN_LINE_LENGTH) {
            written = written.substring(0, SHOWN_LINE_LENGTH) + "…";
        }
        String label = messages.getMessage("import.field." + EntryForms.entryField(field), null, null,
                LocaleContextHolder.getLocale());
        String sentence = lineSentence(domainWords);
        return new LineProblem(line, written, answers.message("import.problem", label == null ? field : label,
                sentence));
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
                return answers.message(known.getValue(), values);
            }
        }
        return refusals.fieldProblem(domainWords);
    }
}
