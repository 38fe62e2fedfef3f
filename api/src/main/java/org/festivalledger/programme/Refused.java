package org.festivalledger.programme;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A refused programme form: its status, each field's problem, and the sentence that has no field of its own. The
 * templates read it under the same names on every programme page ({@link #show}), so one form fragment serves them
 * all.
 */
record Refused(HttpStatus status, Map<String, String> problems, String general) {

    /** The same refusal with one field under the name the page gives it (a page with two forms that share a field). */
    Refused renamed(String field, String as) {
        Map<String, String> renamed = new LinkedHashMap<>();
        problems.forEach((name, problem) -> renamed.put(name.equals(field) ? as : name, problem));
        return new Refused(status, renamed, general);
    }

    /** A form's refusal, or none, where the templates look for it; with what was typed, unless that is null. */
    static void show(Model model, Map<String, String> typed, Refused refused) {
        if (typed != null) {
            model.addAttribute("values", typed);
        }
        model.addAttribute("problems", refused == null ? Map.of() : refused.problems());
        model.addAttribute("problem", refused == null ? null : refused.general());
        model.addAttribute("refused", refused != null);
    }
}
