package org.festivalledger.programme;

/** What holds a venue: a screening of films or a forum session with speakers. */
public enum BookingKind {
    SCREENING("screening"),
    FORUM_SESSION("forum session");

    private final String words;

    BookingKind(String words) {
        this.words = words;
    }

    /** How a message names this kind, e.g. "forum session". */
    public String words() {
        return words;
    }
}
