package org.festivalledger.submission;

import org.festivalledger.rules.RuleViolation;

import java.util.List;
import java.util.stream.Collectors;

/** An import was refused as a whole because some of its lines were not acceptable; nothing was received. */
public class SubmissionsRejected extends RuleViolation {

    /** One problem on one line of the import; {@code line} counts from 1 like the entrant's spreadsheet. */
    public record LineError(int line, String field, String message) {

        @Override
        public String toString() {
            return "line " + line + ": " + field + " " + message;
        }
    }

    private final List<LineError> errors;

    public SubmissionsRejected(List<LineError> errors) {
        super("The import was refused and nothing was received: "
                + errors.stream().map(LineError::toString).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }
}
