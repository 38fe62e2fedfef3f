package org.festivalledger.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.io.Writer;

/**
 * Tomcat's own error report, for requests refused before they reach the application: a malformed request line,
 * characters a URL may not hold, an encoded slash, a header too large, a broken {@code Content-Length}. Tomcat
 * would answer with an HTML page; here it is the same RFC 9457 problem JSON as every other error. The detail
 * stays generic: the request could not be parsed, so nothing in it is echoed back.
 * <p>
 * Tomcat answers an HTTP version other than 1.0/1.1 with 505, and a transfer coding or method it does not
 * implement ({@code Transfer-Encoding: gzip}, {@code CONNECT}) with 501. Both mean "the client sent something
 * this server does not speak"; they are answered 400 here, so that no request a client makes up can show as a
 * server failure (a 5xx) in the logs and alerts of whoever runs the ledger.
 */
public class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        if (code == HttpStatus.NOT_IMPLEMENTED.value() || code == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value()) {
            code = HttpStatus.BAD_REQUEST.value();
            response.setStatus(code);
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.is5xxServerError()
                ? "the server could not handle the request"
                : "the request is not well-formed HTTP for this server (its request line, URL encoding or headers)");
        problem.setTitle(status.getReasonPhrase());
        problem.setType(ProblemWriter.ProblemTypes.of(status));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response already started: nothing more can be said
        }
    }
}
