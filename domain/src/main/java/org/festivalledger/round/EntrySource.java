package org.festivalledger.round;

/**
 * Which entries take part in a round: {@code ALL_ELIGIBLE} or {@code SHORTLIST_OF:<roundId>}.
 *
 * @param shortlistOf the earlier round whose shortlist takes part, or {@code null} for all eligible entries
 */
public record EntrySource(String shortlistOf) {

    public static final EntrySource ALL_ELIGIBLE = new EntrySource(null);
    private static final String SHORTLIST_PREFIX = "SHORTLIST_OF:";

    /** Reads the API's form; {@code null} if the text is neither form. */
    public static EntrySource parse(String text) {
        if ("ALL_ELIGIBLE".equals(text)) {
            return ALL_ELIGIBLE;
        }
        if (text != null && text.startsWith(SHORTLIST_PREFIX) && text.length() > SHORTLIST_PREFIX.length()) {
            return new EntrySource(text.substring(SHORTLIST_PREFIX.length()));
        }
        return null;
    }

    @Override
    public String toString() {
        return shortlistOf == null ? "ALL_ELIGIBLE" : SHORTLIST_PREFIX + shortlistOf;
    }
}
