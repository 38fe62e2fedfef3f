package org.festivalledger.submission;

import java.util.List;
import java.util.Map;

/** A CSV import that could not be read as entries at all (bad header, numbers, workflows), per line. */
public class UnreadableCsv extends RuntimeException {

    private final List<Map<String, Object>> errors;

    UnreadableCsv(String message, List<Map<String, Object>> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Map<String, Object>> errors() {
        return errors;
    }
}
