package org.festivalledger.language;

import org.festivalledger.rules.InvalidInput;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The festival's refusals, told to a person in the page's language. The rules stay in the domain, which words its
 * refusals in English for the API's problem answers; a page shows the sentence its bundle has for that refusal
 * ({@code refusal.<ExceptionName>}, the English one carrying the domain's own detailed words as {@code {0}}), and a
 * malformed field the sentence for what was wrong with it, next to the field.
 */
@Component
public class Refusals {

    private final MessageSource messages;

    Refusals(MessageSource messages) {
        this.messages = messages;
    }

    /** The sentence for a refusal of the festival's rules (a rule broken, a conflict, something unknown). */
    public String explain(RuntimeException refusal) {
        Locale locale = LocaleContextHolder.getLocale();
        Object[] detail = {refusal.getMessage()};
        String specific = messages.getMessage("refusal." + refusal.getClass().getSimpleName(), detail, null, locale);
        return specific != null ? specific : messages.getMessage("refusal.other", detail, locale);
    }

    /**
     * What was wrong with each field, by the field's name as the form spells it (the domain's field names, e.g.
     * {@code runtimeMinutes}, {@code criteria[1].weight}), in the page's language; a page puts each next to its field
     * and the ones it has no field for at the top.
     */
    public Map<String, String> byField(InvalidInput refusal) {
        Map<String, String> found = new LinkedHashMap<>();
        refusal.errors().forEach(error -> found.merge(error.field(), fieldProblem(error.message()), (a, b) -> a + " " + b));
        return found;
    }

    /** A field problem's sentence: the common ones have their own words, any other keeps the domain's as detail. */
    public String fieldProblem(String domainWords) {
        Locale locale = LocaleContextHolder.getLocale();
        String key = switch (domainWords == null ? "" : domainWords) {
            case "must not be blank" -> "field.blank";
            case "is required", "is missing" -> "field.required";
            case "must be greater than zero" -> "field.positive";
            case "must be at least 1" -> "field.atLeastOne";
            default -> null;
        };
        return key != null ? messages.getMessage(key, null, locale)
                : messages.getMessage("field.other", new Object[]{domainWords}, locale);
    }
}
