package org.festivalledger.http;

import java.io.IOException;

/**
 * A request body of undeclared length grew past {@code ledger.http.max-body-bytes} while it was read. An
 * {@link IOException}, so every reader (Jackson, the CSV import, the idempotency filter) stops where it is and
 * the failure reaches {@link RequestBodyLimit} or {@link ProblemAdvice}, which answer 413.
 */
public final class BodyTooLarge extends IOException {

    BodyTooLarge(long limit) {
        super("the request body exceeds " + limit + " bytes");
    }

    /** Whether {@code failure} or anything that caused it is a body that grew too large. */
    static boolean isCauseOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge) {
                return true;
            }
        }
        return false;
    }
}
