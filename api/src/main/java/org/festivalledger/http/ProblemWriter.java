package org.festivalledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/** Writes an RFC 9457 problem from places outside Spring MVC (security and servlet filters). */
@Component
public class ProblemWriter {

    private final ObjectMapper json;

    ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        write(response, status, ProblemTypes.of(status), title, detail);
    }

    /** A problem of a kind its status alone does not name (a 503 that is not a view catching up). */
    public void write(HttpServletResponse response, HttpStatus status, String kind, String title, String detail)
            throws IOException {
        write(response, status, ProblemTypes.named(kind), title, detail);
    }

    private void write(HttpServletResponse response, HttpStatus status, URI type, String title, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(type);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** Stable problem type URIs, one per kind of failure, documented in the README. */
    static final class ProblemTypes {
        private ProblemTypes() {
        }

        static URI named(String kind) {
            return URI.create("https://festival-ledger.org/problems/" + kind);
        }

        static URI of(HttpStatus status) {
            return named(switch (status) {
                case BAD_REQUEST -> "invalid-request";
                case UNAUTHORIZED -> "unauthenticated";
                case FORBIDDEN -> "forbidden";
                case NOT_FOUND -> "not-found";
                case CONFLICT -> "conflict";
                case UNPROCESSABLE_ENTITY -> "rule-violated";
                case PAYLOAD_TOO_LARGE -> "too-large";
                case UNSUPPORTED_MEDIA_TYPE -> "unsupported-media-type";
                case METHOD_NOT_ALLOWED -> "method-not-allowed";
                case NOT_ACCEPTABLE -> "not-acceptable";
                case TOO_MANY_REQUESTS -> "rate-limited";
                case SERVICE_UNAVAILABLE -> "catching-up";
                default -> status.is5xxServerError() ? "server-error" : "client-error";
            });
        }
    }
}
