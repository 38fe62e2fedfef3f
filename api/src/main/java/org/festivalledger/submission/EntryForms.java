package org.festivalledger.submission;

import java.util.Locale;

/**
 * How the organiser's entry pages read what was typed (in a form or a query): a choice among an enum's names and a
 * whole number, either of them absent when blank or not understood; and which form field (the same name as the CSV
 * file's column) a field the domain names belongs to, so a refusal is shown next to what was typed.
 */
final class EntryForms {

    private EntryForms() {
    }

    static <E extends Enum<E>> E choice(Class<E> type, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    static Integer wholeNumber(String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The form's field (and the CSV file's column) for a field the domain names: the team is one box, and so are the
     * AI tools; the domain's {@code submissionId} is the form's {@code id}.
     */
    static String entryField(String domainField) {
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

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
