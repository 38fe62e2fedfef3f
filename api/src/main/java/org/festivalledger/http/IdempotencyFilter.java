package org.festivalledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;
import org.festivalledger.http.IdempotencyRecords.Outcome;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.identity.JurorIdentity;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on a command: the first request with a key is carried out and its answer kept;
 * a repeat with the same body gets that answer again and records nothing; the same key with another
 * body is a 422. Keys are per account. The ledger itself also refuses a second commit carrying the
 * same key, so even a retry after a crash between recording and answering cannot record twice.
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    static final String KEY_ATTRIBUTE = IdempotencyFilter.class.getName() + ".key";
    /** The key scoped to its account: what the ledger's unique index holds. */
    static final String SCOPED_KEY_ATTRIBUTE = IdempotencyFilter.class.getName() + ".scopedKey";
    /** What a replay answers instead of the first answer, when that one showed a secret (see {@link #replayWith}). */
    static final String REPLAY_ANSWER_ATTRIBUTE = IdempotencyFilter.class.getName() + ".replayAnswer";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7e]{1,200}");

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final LedgerLog ledger;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems, LedgerLog ledger, ObjectMapper json) {
        this.records = records;
        this.problems = problems;
        this.ledger = ledger;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HEADER) == null || "GET".equals(request.getMethod())
                || "HEAD".equals(request.getMethod()) || "OPTIONS".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(response, HttpStatus.BAD_REQUEST, "Invalid Idempotency-Key",
                    "an Idempotency-Key is 1 to 200 visible ASCII characters");
            return;
        }
        String owner = owner(SecurityContextHolder.getContext().getAuthentication());
        // Bounded by RequestBodyLimit, which ran first: a body past the limit fails the read with BodyTooLarge.
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        String recordId = owner + ":" + key;

        Outcome outcome = records.begin(recordId, fingerprint);
        switch (outcome.kind()) {
            case REPLAY -> {
                outcome.response().writeTo(response);
                return;
            }
            case KEY_REUSED -> {
                problems.write(response, HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused",
                        "this Idempotency-Key was used for a different request");
                return;
            }
            case IN_PROGRESS -> {
                problems.write(response, HttpStatus.CONFLICT, "Request in progress",
                        "a request with this Idempotency-Key is still being processed; retry shortly");
                return;
            }
            case PROCEED -> {
                // An earlier attempt may have been recorded and its answer lost (the process died, or failed after
                // recording): then its answer is in the ledger. Carrying the command out again would only be
                // refused by the domain (a second score needs a reason, an id is taken), which would tell the
                // client its first attempt failed when it did not. One exact-key read.
                var logged = LoggedAnswer.find(ledger, recordId);
                if (logged.isPresent()) {
                    answerFromTheLedger(response, recordId, fingerprint, logged.get());
                    return;
                }
            }
        }

        request.setAttribute(KEY_ATTRIBUTE, key);
        request.setAttribute(SCOPED_KEY_ATTRIBUTE, recordId);
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
            if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                Object replay = request.getAttribute(REPLAY_ANSWER_ATTRIBUTE);
                records.complete(recordId, fingerprint, replay == null ? IdempotencyRecords.StoredResponse.of(captured)
                        : IdempotencyRecords.StoredResponse.of(captured, json.writeValueAsBytes(replay)));
                kept = true;
            }
        } finally {
            if (!kept) {
                // A failed request recorded nothing: let the client fix it and retry under the same key.
                records.abandon(recordId);
            }
            captured.copyBodyToResponse();
        }
    }

    /**
     * Keeps {@code answer} for replays of this request instead of the answer sent now, because that one carries a
     * secret shown once (a juror's token and sign-in link): the idempotency records must never hold it, and a
     * replay must never repeat it.
     */
    public static void replayWith(HttpServletRequest request, Object answer) {
        request.setAttribute(REPLAY_ANSWER_ATTRIBUTE, answer);
    }

    /**
     * Whose keys these are: the account name, or for a juror their competition and id (juror ids are chosen per
     * competition, so two competitions may each have a {@code juror-1}).
     */
    static String owner(Authentication authentication) {
        if (authentication == null) {
            return "anonymous";
        }
        return authentication.getPrincipal() instanceof JurorIdentity juror
                ? juror.competitionId() + "/" + juror.jurorId() : authentication.getName();
    }

    private void answerFromTheLedger(HttpServletResponse response, String recordId, String fingerprint,
                                     LoggedAnswer answer) throws IOException {
        byte[] body = json.writeValueAsBytes(answer.body());
        Document headers = new Document(LedgerPositionHeader.NAME, Long.toString(answer.position()))
                .append("Content-Type", MediaType.APPLICATION_JSON_VALUE);
        IdempotencyRecords.StoredResponse stored = new IdempotencyRecords.StoredResponse(200, headers, body);
        records.complete(recordId, fingerprint, stored);
        response.setStatus(200);
        response.setHeader(LedgerPositionHeader.NAME, Long.toString(answer.position()));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(body);
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "?" + request.getQueryString()
                    + "\n" + request.getContentType() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body already read (to fingerprint it), readable again by the controller. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
