package org.festivalledger.programme;

import java.util.Locale;

/** When two names on two sessions are the same speaker: compared without case and spacing differences. */
final class Speakers {

    private Speakers() {
    }

    static String key(String name) {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static boolean same(String one, String other) {
        return key(one).equals(key(other));
    }
}
