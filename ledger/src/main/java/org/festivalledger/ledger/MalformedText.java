package org.festivalledger.ledger;

/**
 * An event holds text that is not well-formed Unicode (a lone UTF-16 surrogate). Such text cannot be stored
 * as written: MongoDB keeps UTF-8, so it would come back changed and its hash would no longer match, which
 * an auditor could not tell from tampering. The ledger refuses it instead of breaking its own chain.
 */
public final class MalformedText extends IllegalArgumentException {

    MalformedText(String where) {
        super("the " + where + " of an event is not well-formed Unicode (it holds a lone surrogate)");
    }

    /** Refuses {@code text} unless every surrogate in it is half of a pair. */
    static void requireWellFormed(String text, String where) {
        if (text == null) {
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new MalformedText(where);
            }
        }
    }
}
