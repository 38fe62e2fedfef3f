package org.festivalledger.rules;

import java.util.List;
import java.util.stream.Collectors;

/** The request itself is malformed; every problem found is reported at once (HTTP 400). */
public class InvalidInput extends RuntimeException {

    /** One problem with one field, named as the client spelled it, e.g. {@code criteria[1].weight}. */
    public record FieldError(String field, String message) {

        @Override
        public String toString() {
            return field + " " + message;
        }
    }

    private final List<FieldError> errors;

    public InvalidInput(List<FieldError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String summary(List<FieldError> errors) {
        return "Invalid input: " + errors.stream().map(FieldError::toString).collect(Collectors.joining("; "));
    }
}
