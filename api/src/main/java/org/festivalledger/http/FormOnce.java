package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.festivalledger.ledger.LedgerLog;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A page's form records once however often it is sent. Every form of the pages carries its own idempotency key, a
 * hidden {@value #FIELD} field drawn when the page was rendered (and kept when a refused form is shown again). The
 * first POST with a key is carried out, its command recorded under the key (the ledger refuses a second commit with
 * it, across nodes too); a repeat (a double click, a reload of the answer, a retry after a lost connection) waits for
 * the first to finish and gets its answer again, the redirect to what was recorded, and records nothing.
 * <p>
 * A page whose success answer is itself a page (not a redirect) names where a repeat should go instead with
 * {@link #repeatGoesTo}: such a page may show a secret once (a juror's sign-in link), which the records never keep.
 * A form whose fields changed under the same key is refused (422), as an API request would be.
 */
@Component
public class FormOnce extends OncePerRequestFilter {

    public static final String FIELD = "formKey";
    private static final String REPEAT_ATTRIBUTE = FormOnce.class.getName() + ".repeat";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");
    /** How long a repeat waits for the first request to finish before it is told to try again. */
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(10);

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final LedgerLog ledger;

    FormOnce(IdempotencyRecords records, ProblemWriter problems, LedgerLog ledger) {
        this.records = records;
        this.problems = problems;
        this.ledger = ledger;
    }

    /** Where a repeat of this form goes when the first answer was a page rather than a redirect. */
    public static void repeatGoesTo(HttpServletRequest request, String path) {
        request.setAttribute(REPEAT_ATTRIBUTE, path);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String type = request.getContentType();
        return !"POST".equals(request.getMethod()) || request.getHeader(IdempotencyFilter.HEADER) != null
                || type == null || !(type.startsWith("application/x-www-form-urlencoded")
                || type.startsWith("multipart/form-data")) || request.getParameter(FIELD) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getParameter(FIELD);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Invalid form key",
                    "the form's key is 8 to 100 letters, digits, '-' or '_'; reload the page and send the form again");
            return;
        }
        String recordId = IdempotencyFilter.owner(SecurityContextHolder.getContext().getAuthentication()) + ":form:" + key;
        String fingerprint = fingerprint(request);
        IdempotencyRecords.Outcome outcome = firstFinished(recordId, fingerprint);
        switch (outcome.kind()) {
            case REPLAY -> {
                outcome.response().writeTo(response);
                return;
            }
            case KEY_REUSED -> {
                problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "Form already sent",
                        "this form was already sent with other values and recorded; reload the page to send a new one");
                return;
            }
            case IN_PROGRESS -> {
                problems.write(response, HttpStatus.CONFLICT, "Form still being recorded",
                        "this form is still being recorded; reload the page in a moment");
                return;
            }
            case PROCEED -> {
                // The first attempt may have been recorded and its answer lost with its process: the ledger knows.
                if (LoggedAnswer.find(ledger, recordId).isPresent()) {
                    IdempotencyRecords.StoredResponse back = seeOther(backTo(request));
                    records.complete(recordId, fingerprint, back);
                    back.writeTo(response);
                    return;
                }
            }
        }
        request.setAttribute(IdempotencyFilter.KEY_ATTRIBUTE, key);
        request.setAttribute(IdempotencyFilter.SCOPED_KEY_ATTRIBUTE, recordId);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(request, captured);
            int status = captured.getStatus();
            if (status >= 300 && status < 400 && captured.getHeader("Location") != null) {
                records.complete(recordId, fingerprint, new IdempotencyRecords.StoredResponse(status,
                        new Document("Location", captured.getHeader("Location")), new byte[0]));
                kept = true;
            } else if (status >= 200 && status < 300) {
                Object repeat = request.getAttribute(REPEAT_ATTRIBUTE);
                records.complete(recordId, fingerprint, seeOther(repeat != null ? repeat.toString() : backTo(request)));
                kept = true;
            }
        } finally {
            if (!kept) {
                // Refused (the page shows why, with what was typed): the same form may be corrected and sent again.
                records.abandon(recordId);
            }
            captured.copyBodyToResponse();
        }
    }

    /** The outcome once any first request with this key has finished (a double click sends two at once). */
    private IdempotencyRecords.Outcome firstFinished(String recordId, String fingerprint) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        IdempotencyRecords.Outcome outcome = records.begin(recordId, fingerprint);
        while (outcome.kind() == IdempotencyRecords.Kind.IN_PROGRESS && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return outcome;
            }
            outcome = records.begin(recordId, fingerprint);
        }
        return outcome;
    }

    private static IdempotencyRecords.StoredResponse seeOther(String path) {
        return new IdempotencyRecords.StoredResponse(HttpStatus.SEE_OTHER.value(), new Document("Location", path),
                new byte[0]);
    }

    /** The page the form was sent from: a repeat whose first answer is unknown goes back to it. */
    private static String backTo(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The form's fields (not its CSRF token, which a new page changes) and where it was sent. */
    private static String fingerprint(HttpServletRequest request) {
        Map<String, String[]> fields = new TreeMap<>(request.getParameterMap());
        fields.remove("_csrf");
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            fields.forEach((name, values) -> {
                sha256.update((name + "=").getBytes(StandardCharsets.UTF_8));
                for (String value : values) {
                    sha256.update((value + "\u0000").getBytes(StandardCharsets.UTF_8));
                }
                sha256.update((byte) '\n');
            });
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
