package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * The public paths ({@code /api/public/**}) are read-only: any other method than GET and HEAD is answered 405 right
 * after the rate limit, before the body is read, buffered for idempotency or looked at by anyone — an anonymous
 * client must not be able to make the server take in ten megabytes only to be told no.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
public class PublicReadOnly extends OncePerRequestFilter {

    private static final String PUBLIC = "/api/public/";
    private final ProblemWriter problems;

    PublicReadOnly(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // The decoded, normalised path (as routing sees it), so an encoded letter cannot slip past.
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return !(path.startsWith(PUBLIC) || path.equals("/api/public"))
                || "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Allow", "GET, HEAD");
        response.setHeader("Connection", "close"); // the unread body is not drained
        problems.write(response, HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed",
                "public resources are read-only: " + request.getMethod() + " is not accepted here (GET or HEAD)");
    }
}
