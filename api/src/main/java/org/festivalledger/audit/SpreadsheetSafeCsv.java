package org.festivalledger.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.util.List;

/**
 * CSV for people who open it in a spreadsheet. A text cell that starts with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would be run as a formula there (a film title such as
 * {@code =HYPERLINK(...)} is the entrant's to choose), so such a cell is written with a leading apostrophe, which
 * spreadsheets read as "this is text". Numbers are written as numbers: a negative z-score stays a number.
 */
final class SpreadsheetSafeCsv {

    static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final CsvMapper CSV = new CsvMapper();

    private SpreadsheetSafeCsv() {
    }

    /** A text cell made safe to open in a spreadsheet ({@code null} stays empty). */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formula ? "'" + value : value;
    }

    /** The rows under a header row; cells are already made safe ({@link #text}) or are numbers and booleans. */
    static String write(List<String> header, List<List<Object>> rows) {
        CsvSchema.Builder schema = CsvSchema.builder();
        header.forEach(schema::addColumn);
        try {
            return CSV.writer(schema.build().withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a CSV of plain values could not be written", e);
        }
    }
}
