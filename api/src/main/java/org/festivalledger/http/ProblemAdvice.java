package org.festivalledger.http;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.festivalledger.ledger.CommitTooLarge;
import org.festivalledger.ledger.LedgerEventStorageEngine.DuplicateRequest;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.MalformedText;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.rules.RuleViolation;
import org.festivalledger.rules.StateConflict;
import org.festivalledger.rules.UnknownEntity;
import org.festivalledger.submission.SubmissionsRejected;
import org.festivalledger.submission.UnreadableCsv;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every failure becomes an RFC 9457 problem here, in one place: the domain's exceptions by their kind
 * (invalid input 400, unknown 404, wrong state or concurrent change 409, rule broken 422), malformed
 * requests 400, and anything unforeseen a 500 that is logged and says nothing of the internals.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final LedgerLog ledger;

    ProblemAdvice(LedgerLog ledger) {
        this.ledger = ledger;
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInput e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message())).toList());
    }

    /** The ledger's own refusal of text it could not store as written: a field the domain did not check. */
    @ExceptionHandler(MalformedText.class)
    ResponseEntity<ProblemDetail> malformedText(MalformedText e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", "the request holds text that is not well-formed "
                + "Unicode (a lone surrogate); send every string as valid UTF-8", null);
    }

    @ExceptionHandler(CommitTooLarge.class)
    ResponseEntity<ProblemDetail> commitTooLarge(CommitTooLarge e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", e.getMessage()
                + "; send it in smaller parts (a CSV import as several files)", null);
    }

    @ExceptionHandler(SubmissionsRejected.class)
    ResponseEntity<ProblemDetail> importRejected(SubmissionsRejected e) {
        // Import lines are reported by their line in the CSV file: the header is line 1.
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Import rejected", e.getMessage(), e.errors().stream()
                .map(error -> Map.of("line", error.line() + 1, "field", error.field(), "message", error.message()))
                .toList());
    }

    @ExceptionHandler(UnreadableCsv.class)
    ResponseEntity<ProblemDetail> unreadableCsv(UnreadableCsv e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable CSV", e.getMessage(), e.errors());
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolated(RuleViolation e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Rule violated", e.getMessage(), null);
    }

    @ExceptionHandler(StateConflict.class)
    ResponseEntity<ProblemDetail> stateConflict(StateConflict e) {
        return problem(HttpStatus.CONFLICT, "Conflict with the current state", e.getMessage(), null);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> alreadyExists(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "Already exists", "an entity with this id already exists", null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ConcurrencyException e) {
        return problem(HttpStatus.CONFLICT, "Concurrent modification",
                "someone changed this entity at the same time; read it again and retry", null);
    }

    @ExceptionHandler({UnknownEntity.class, UnknownId.class})
    ResponseEntity<ProblemDetail> unknown(RuntimeException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", "no entity with id " + e.getAggregateIdentifier(), null);
    }

    /**
     * The ledger already holds a commit with this request's idempotency key (the first attempt was
     * recorded but its answer was lost): answer as the first attempt did, from the log itself.
     */
    @ExceptionHandler(DuplicateRequest.class)
    ResponseEntity<Map<String, Object>> alreadyRecorded(DuplicateRequest e) {
        return LoggedAnswer.find(ledger, e.key())
                .map(answer -> ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(answer.position()))
                        .body(answer.body()))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.CONFLICT).build());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (BodyTooLarge.isCauseOf(e)) {
            return problemObject(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large",
                    e.getMostSpecificCause().getMessage() + " (ledger.http.max-body-bytes)", null);
        }
        String detail = "the request body is not valid JSON for this endpoint";
        List<Map<String, Object>> errors = null;
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String message = mapping instanceof UnrecognizedPropertyException ? "is not a known field"
                    : mapping instanceof InvalidFormatException format
                    ? "cannot be read as " + format.getTargetType().getSimpleName()
                    : "has the wrong type or shape";
            errors = List.of(Map.of("field", field, "message", message));
            detail = field + " " + message;
        }
        return problemObject(HttpStatus.BAD_REQUEST, "Malformed request", detail, errors);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, Object>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.<String, Object>of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        return problemObject(HttpStatus.BAD_REQUEST, "Invalid request", "the request has invalid fields", errors);
    }

    /**
     * Spring's own problems (unsupported media type, method not allowed, no such resource) carry
     * {@code about:blank}; they get the same type URIs as ours, so a client can switch on {@code type} alone.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(e, body, headers, statusCode, request);
        HttpStatus status = HttpStatus.resolve(statusCode.value());
        if (answer != null && answer.getBody() instanceof ProblemDetail problem && status != null
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(ProblemWriter.ProblemTypes.of(status));
        }
        return answer;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                e.getName() + " cannot be read as " + (e.getRequiredType() == null ? "the expected type"
                        : e.getRequiredType().getSimpleName()), null);
    }

    @ExceptionHandler(TooManyRequests.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequests e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                e.getMessage(), null);
        return ResponseEntity.status(problem.getStatusCode())
                .header("Retry-After", Long.toString(e.retryAfterSeconds())).body(problem.getBody());
    }

    @ExceptionHandler(ViewsCatchingUp.class)
    ResponseEntity<ProblemDetail> catchingUp(ViewsCatchingUp e) {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "Catching up",
                e.getMessage(), null);
        return ResponseEntity.status(problem.getStatusCode()).header("Retry-After", "5").body(problem.getBody());
    }

    /** A controller's own check that a juror acts only as themselves, in their own competition. */
    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "the request could not be completed; nothing was recorded unless a Ledger-Position was returned",
                null);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(ProblemWriter.ProblemTypes.of(status));
        if (errors != null) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).body(problem);
    }

    private static ResponseEntity<Object> problemObject(HttpStatus status, String title, String detail,
                                                        List<?> errors) {
        return ResponseEntity.status(status).body(problem(status, title, detail, errors).getBody());
    }
}
