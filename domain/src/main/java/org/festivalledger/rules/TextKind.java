package org.festivalledger.rules;

/**
 * The two kinds of free text the festival records, each with its bound. Every text must also be well-formed
 * Unicode and free of the characters used to disguise text: control characters, and the bidirectional
 * embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069) with which a title can be made to
 * read differently from what is stored ("Trojan Source"). Marks that scripts and emoji need (U+200B–U+200F,
 * joiners, right-to-left letters) are allowed.
 */
public enum TextKind {

    /** One line: a name, title, country, edition, tool or id. */
    LINE(500),
    /** Paragraphs: a synopsis, reason, comment, citation or rationale. Line breaks and tabs are allowed. */
    PROSE(10_000);

    private final int maxCharacters;

    TextKind(int maxCharacters) {
        this.maxCharacters = maxCharacters;
    }

    /** The longest text of this kind, in characters (Unicode code points). */
    public int maxCharacters() {
        return maxCharacters;
    }

    /** What is wrong with {@code text} as text of this kind, or {@code null} if nothing is (or it is absent). */
    public String problemWith(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not well-formed Unicode (a lone surrogate at character " + (i + 1) + ")";
            } else if (c == '\n' || c == '\r' || c == '\t') {
                if (this == LINE) {
                    return "must be one line, without line breaks or tabs";
                }
            } else if (Character.isISOControl(c)) {
                return "must not contain control characters (" + codePoint(c) + " at character " + (i + 1) + ")";
            } else if (isBidiControl(c)) {
                return "must not contain bidirectional override characters (" + codePoint(c) + " at character "
                        + (i + 1) + ")";
            }
        }
        int length = text.codePointCount(0, text.length());
        if (length > maxCharacters) {
            return "must be at most " + maxCharacters + " characters (it has " + length + ")";
        }
        return null;
    }

    /**
     * Whether {@code text} is absent or shows nothing: empty once whitespace, format characters (zero-width spaces
     * and joiners, U+FEFF, tag characters), variation selectors and the blank "filler" letters (Hangul fillers,
     * the blank Braille pattern) are taken away. A name or title made only of these would look empty on every page
     * and could pass for any other blank one. This is the one test of "blank" for every text the festival records.
     */
    public static boolean isBlank(String text) {
        if (text == null) {
            return true;
        }
        return text.codePoints().allMatch(TextKind::isInvisible);
    }

    private static boolean isInvisible(int codePoint) {
        int type = Character.getType(codePoint);
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint) || type == Character.FORMAT
                || type == Character.CONTROL
                || codePoint == 0x034F // combining grapheme joiner
                || (codePoint >= 0xFE00 && codePoint <= 0xFE0F) || (codePoint >= 0xE0100 && codePoint <= 0xE01EF)
                || codePoint == 0x115F || codePoint == 0x1160 || codePoint == 0x3164 || codePoint == 0xFFA0
                || codePoint == 0x2800;
    }

    private static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
