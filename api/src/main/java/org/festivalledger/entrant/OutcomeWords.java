package org.festivalledger.entrant;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The outcomes {@link EntrantOutbox} records (in English, for the API and the logs) by name and values, so a page can
 * say them in its own language: {@code name} is the last part of a message key, {@code values} its arguments. An
 * outcome it does not know is named {@code other}, with the recorded words as its one value.
 */
public record OutcomeWords(String name, List<String> values) {

    /** The outbox's and its sender's own words, and their names. */
    private static final Map<Pattern, String> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put(Pattern.compile("queued"), "queued");
        KNOWN.put(Pattern.compile("sent"), "sent");
        KNOWN.put(Pattern.compile("failed \\(attempt (\\d+)\\): (.*); retried after (\\d+) s", Pattern.DOTALL),
                "retried");
        KNOWN.put(Pattern.compile("failed \\(attempt (\\d+)\\): (.*); given up", Pattern.DOTALL), "givenUp");
        KNOWN.put(Pattern.compile("resend requested by (.*)"), "resend");
        KNOWN.put(Pattern.compile("interrupted while sending; to be tried again"), "interrupted");
        KNOWN.put(Pattern.compile("not sent: the entrant's contact data was erased"), "dropped");
    }

    public static OutcomeWords of(String outcome) {
        String recorded = outcome == null ? "" : outcome;
        for (Map.Entry<Pattern, String> known : KNOWN.entrySet()) {
            Matcher matched = known.getKey().matcher(recorded);
            if (matched.matches()) {
                List<String> values = new ArrayList<>();
                for (int group = 1; group <= matched.groupCount(); group++) {
                    values.add(matched.group(group));
                }
                return new OutcomeWords(known.getValue(), List.copyOf(values));
            }
        }
        return new OutcomeWords("other", List.of(recorded));
    }
}
