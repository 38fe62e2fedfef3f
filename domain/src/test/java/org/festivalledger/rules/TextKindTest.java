package org.festivalledger.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What free text the ledger accepts: bounded, well-formed, and never disguised. */
class TextKindTest {

    @Test
    void textInAnyScriptWithEmojiAndJoinersIsAccepted() {
        assertThat(TextKind.LINE.problemWith("纸月亮 · قمر من ورق · Luas de papel 🎬👩‍👩‍👧")).isNull();
        assertThat(TextKind.LINE.problemWith("می‌خواهم")).as("a zero-width non-joiner, as Persian needs").isNull();
        assertThat(TextKind.LINE.problemWith(null)).as("absence is for the caller to judge").isNull();
    }

    @Test
    void textIsBlankWhenNothingVisibleRemainsOnceInvisibleCharactersAreRemoved() {
        assertThat(TextKind.isBlank(null)).isTrue();
        assertThat(TextKind.isBlank(" \t\u00A0\u3000")).as("whitespace of any script").isTrue();
        assertThat(TextKind.isBlank("\u200B\u200C\u200D\u2060\uFEFF")).as("zero-width spaces and joiners").isTrue();
        assertThat(TextKind.isBlank("\u3164\u115F\uFFA0\u2800")).as("blank filler letters").isTrue();
        assertThat(TextKind.isBlank("\uFE0F\u034F\uDB40\uDC20")).as("selectors, joiners, tags").isTrue();
        assertThat(TextKind.isBlank("\u200BA\u200B")).isFalse();
        assertThat(TextKind.isBlank("纸")).isFalse();
        assertThat(TextKind.isBlank("🎬")).isFalse();
        assertThat(TextKind.isBlank("می‌خواهم")).as("a joiner inside a word").isFalse();
    }

    @Test
    void aLineHasAtMost500CharactersCountedAsCodePoints() {
        assertThat(TextKind.LINE.problemWith("a".repeat(500))).isNull();
        assertThat(TextKind.LINE.problemWith("🎬".repeat(500))).as("an emoji is one character").isNull();
        assertThat(TextKind.LINE.problemWith("a".repeat(501))).isEqualTo("must be at most 500 characters (it has 501)");
    }

    @Test
    void proseHasAtMost10000CharactersAndMayBreakLines() {
        assertThat(TextKind.PROSE.problemWith("First paragraph.\r\n\tSecond.")).isNull();
        assertThat(TextKind.PROSE.problemWith("x".repeat(10_000))).isNull();
        assertThat(TextKind.PROSE.problemWith("x".repeat(10_001))).startsWith("must be at most 10000 characters");
        assertThat(TextKind.LINE.problemWith("two\nlines")).isEqualTo("must be one line, without line breaks or tabs");
    }

    @Test
    void aLoneSurrogateIsNotText() {
        assertThat(TextKind.PROSE.problemWith("broken \uD800 pair")).contains("lone surrogate at character 8");
        assertThat(TextKind.LINE.problemWith("\uDC00")).contains("lone surrogate");
        assertThat(TextKind.LINE.problemWith("ends high \uD83C")).contains("lone surrogate");
    }

    @Test
    void controlCharactersAndBidiOverridesAreRefused() {
        assertThat(TextKind.PROSE.problemWith("nul\u0000byte")).contains("control characters (U+0000");
        assertThat(TextKind.LINE.problemWith("bell\u0007")).contains("U+0007");
        assertThat(TextKind.LINE.problemWith("c1\u0085")).contains("U+0085");
        assertThat(TextKind.LINE.problemWith("txt.\u202Eexe")).contains("bidirectional override characters (U+202E");
        assertThat(TextKind.LINE.problemWith("\u2066isolate\u2069")).contains("U+2066");
    }
}
