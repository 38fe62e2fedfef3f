package org.festivalledger.language;

import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.UnknownEntity;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A refused form as its page shows it again: each refusal next to the input it concerns (by the input's id), in the
 * page's language, and the status the answer carries (400 for malformed input, 404 for something unknown, 409 for a
 * rule or a state that refuses it). A refusal no input stands for goes to the top of the form, under {@link #TOP}.
 *
 * @param problems the sentence for each input id
 */
public record FormRefusal(HttpStatus status, Map<String, String> problems) {

    /** The key of a refusal that concerns the whole form. */
    public static final String TOP = "form";

    /**
     * @param inputOf the input id for a field the domain names ({@code null}: the top of the form)
     * @param inputOfRule the input id a rule's refusal concerns ({@code null}: the top of the form)
     */
    public static FormRefusal of(Refusals refusals, RuntimeException refusal, Function<String, String> inputOf,
                                 Function<RuntimeException, String> inputOfRule) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (refusal instanceof InvalidInput invalid) {
            refusals.byField(invalid).forEach((field, sentence) -> problems.merge(orTop(inputOf.apply(field)),
                    sentence, (a, b) -> a + " " + b));
            return new FormRefusal(HttpStatus.BAD_REQUEST, problems);
        }
        problems.put(orTop(inputOfRule.apply(refusal)), refusals.explain(refusal));
        return new FormRefusal(refusal instanceof UnknownEntity ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT,
                problems);
    }

    private static String orTop(String input) {
        return input == null ? TOP : input;
    }
}
