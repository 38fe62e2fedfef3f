package org.festivalledger.submission;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.festivalledger.http.EntityIds;
import org.festivalledger.rules.InvalidInput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a CSV file of entries. The first line names the columns; lists (team, AI tools) are separated
 * by semicolons inside a cell. Every problem is reported with its line in the file (the header is
 * line 1), so an organiser can fix a spreadsheet in one pass.
 *
 * <pre>
 * id,title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow
 * ,Paper Moons,Li Wei;Ana Souza,CN,9,"A kite-maker…",Runway;ComfyUI,FULLY_GENERATED
 * </pre>
 */
final class CsvImport {

    static final Set<String> REQUIRED = Set.of("title", "team", "country", "runtimeMinutes", "aiWorkflow");
    static final int MAX_LINES = 20_000;
    /** The columns in the order the downloadable template names them. */
    static final List<String> COLUMNS = List.of("id", "title", "team", "country", "runtimeMinutes", "synopsis",
            "aiTools", "aiWorkflow");
    static final Set<String> KNOWN = Set.copyOf(COLUMNS);
    /** The template an organiser downloads: the header and one example line. */
    static final String TEMPLATE = String.join(",", COLUMNS) + "\r\n"
            + ",Paper Moons,Li Wei;Ana Souza,CN,9,\"A kite-maker's daughter, a city of paper\",Runway;ComfyUI,"
            + "FULLY_GENERATED\r\n";

    private CsvImport() {
    }

    /** One entry of the file and the line of the file it starts on (the header is line 1). */
    record ImportLine(int line, NewSubmission submission) {
    }

    static List<NewSubmission> read(String csv) {
        return readLines(csv).stream().map(ImportLine::submission).toList();
    }

    /** The file's entries, each with the line it was read from, so a refusal of the n-th entry names its line. */
    static List<ImportLine> readLines(String csv) {
        if (csv == null || csv.isBlank()) {
            throw InvalidInput.of("body", "the CSV file is empty; it needs a header line and at least one entry");
        }
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        List<ImportLine> submissions = new ArrayList<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            CsvSchema header = (CsvSchema) rows.getParserSchema();
            checkHeader(header);
            while (rows.hasNextValue()) {
                int line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row;
                try {
                    row = rows.nextValue();
                } catch (RuntimeException e) {
                    errors.add(error(line, "line", "cannot be read: " + rootMessage(e)));
                    continue;
                }
                if (submissions.size() + errors.size() >= MAX_LINES) {
                    throw InvalidInput.of("body", "an import holds at most " + MAX_LINES + " entries");
                }
                submissions.add(new ImportLine(line, entry(row, line, errors)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput || e instanceof UnreadableCsv) {
                throw (RuntimeException) e;
            }
            throw new UnreadableCsv("the file is not readable CSV: " + rootMessage(e), errors);
        }
        if (!errors.isEmpty()) {
            throw new UnreadableCsv(errors.size() + " problem(s) in the file; nothing was imported", errors);
        }
        if (submissions.isEmpty()) {
            throw InvalidInput.of("body", "the CSV file has a header but no entries");
        }
        return submissions;
    }

    private static void checkHeader(CsvSchema header) {
        List<String> columns = new ArrayList<>();
        header.forEach(column -> columns.add(column.getName()));
        List<Map<String, Object>> errors = new ArrayList<>();
        for (String column : columns) {
            if (!KNOWN.contains(column)) {
                errors.add(error(1, column, "is not a known column; known: " + String.join(", ", COLUMNS)));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                errors.add(error(1, required, "column is missing"));
            }
        }
        if (!errors.isEmpty()) {
            throw new UnreadableCsv("the header line does not name the expected columns", errors);
        }
    }

    private static NewSubmission entry(Map<String, String> row, int line, List<Map<String, Object>> errors) {
        String id = blankToNull(row.get("id"));
        try {
            id = EntityIds.chosenOrNew("id", id);
        } catch (InvalidInput e) {
            errors.add(error(line, "id", e.errors().get(0).message()));
        }
        int runtime = 0;
        String runtimeText = row.getOrDefault("runtimeMinutes", "");
        try {
            runtime = Integer.parseInt(runtimeText.trim());
        } catch (NumberFormatException e) {
            errors.add(error(line, "runtimeMinutes", "'" + runtimeText + "' is not a whole number of minutes"));
        }
        AiWorkflow workflow = null;
        String workflowText = row.getOrDefault("aiWorkflow", "");
        try {
            workflow = AiWorkflow.valueOf(workflowText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(error(line, "aiWorkflow", "'" + workflowText + "' is not one of "
                    + Arrays.toString(AiWorkflow.values())));
        }
        return new NewSubmission(id, new Entry(row.get("title"), list(row.get("team")), row.get("country"), runtime,
                row.getOrDefault("synopsis", ""), new AiDisclosure(list(row.get("aiTools")), workflow)));
    }

    private static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static Map<String, Object> error(int line, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", line);
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        int newline = message.indexOf('\n');
        return newline > 0 ? message.substring(0, newline) : message;
    }
}
