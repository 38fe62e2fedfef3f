package org.festivalledger.http;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * What the servlet container's error page answers, replacing Spring Boot's: errors raised outside Spring MVC (a
 * filter's {@code sendError}, Spring Security's entry point for the pages, a failure in a filter) become the same
 * RFC 9457 problems as everything else for API paths and for clients that do not ask for HTML; a browser on a
 * page gets the page's own error view.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorAnswers implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorAnswers.class);

    private final ProblemWriter problems;

    ErrorAnswers(ProblemWriter problems) {
        this.problems = problems;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable e) {
            log.error("Unexpected failure outside the controllers", e);
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        boolean api = uri instanceof String path && path.startsWith("/api/");
        if (api || !acceptsHtml(request)) {
            problems.write(response, status, status.getReasonPhrase(), detail(status));
            return null;
        }
        return new ModelAndView("error", Map.of("status", status.value()), status);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || status.value() < 400 ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept == null) {
            return false;
        }
        try {
            List<MediaType> types = MediaType.parseMediaTypes(accept);
            return types.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    private static String detail(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "the request could not be read as sent";
            case UNAUTHORIZED -> "sign in with HTTP Basic (organiser, auditor) or a juror's bearer token";
            case FORBIDDEN -> "this address is not open to you";
            case NOT_FOUND -> "there is nothing at this address";
            default -> status.is5xxServerError()
                    ? "the request could not be completed; nothing was recorded unless a Ledger-Position was returned"
                    : status.getReasonPhrase();
        };
    }
}
