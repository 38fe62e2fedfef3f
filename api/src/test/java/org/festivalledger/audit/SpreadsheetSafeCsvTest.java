package org.festivalledger.audit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A cell a spreadsheet would run as a formula is written as text; everything else exactly as it is. */
class SpreadsheetSafeCsvTest {

    @Test
    void aCellStartingLikeAFormulaIsWrittenAsText() {
        for (String formula : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tTab", "\rReturn",
                "=HYPERLINK(\"http://evil.example\")")) {
            assertThat(SpreadsheetSafeCsv.text(formula)).isEqualTo("'" + formula);
        }
    }

    @Test
    void anyOtherCellIsLeftAlone() {
        for (String text : List.of("Paper Moons", "纸月亮", "1=1", " =leading space", "'quoted", "")) {
            assertThat(SpreadsheetSafeCsv.text(text)).isEqualTo(text);
        }
        assertThat(SpreadsheetSafeCsv.text(null)).isNull();
    }

    @Test
    void aWrittenFileQuotesWhatCsvNeedsQuoted() {
        String csv = SpreadsheetSafeCsv.write(List.of("title", "score"),
                List.of(List.of(SpreadsheetSafeCsv.text("=A, B \"C\""), "-0.5")));
        assertThat(csv).isEqualTo("title,score\n\"'=A, B \"\"C\"\"\",-0.5\n");
    }
}
