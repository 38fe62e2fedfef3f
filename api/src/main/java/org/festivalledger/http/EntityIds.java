package org.festivalledger.http;

import org.festivalledger.rules.InvalidInput;

import java.util.UUID;
import java.util.regex.Pattern;

/** Ids of new entities: chosen by the client when it supplies a well-formed one, else by the server. */
public final class EntityIds {

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private EntityIds() {
    }

    /** The client's id if given (it must be URL-safe: letters, digits, '.', '_', '-', at most 64), else a new one. */
    public static String chosenOrNew(String field, String supplied) {
        if (supplied == null) {
            return UUID.randomUUID().toString();
        }
        if (!WELL_FORMED.matcher(supplied).matches()) {
            throw InvalidInput.of(field, "must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return supplied;
    }
}
