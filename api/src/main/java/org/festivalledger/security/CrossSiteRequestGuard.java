package org.festivalledger.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.http.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Refuses any state-changing API request that a page on another site could have made a browser send.
 * <p>
 * A cross-site HTML form, or a script's "simple" request, can only send {@code application/x-www-form-urlencoded},
 * {@code multipart/form-data} or {@code text/plain} bodies, or none, and no custom header: anything else makes the
 * browser ask first (a CORS preflight), which this server never grants. So a command must carry a JSON or
 * {@code text/csv} body, or the header {@value #HEADER}; bodiless commands ({@code /publication}, {@code /close},
 * {@code /rebuild-check}) send {@code Content-Type: application/json} or the header. Whatever credentials a browser
 * might hold for the API, a forged request then fails here, before anything is recorded. Reads are left alone:
 * they change nothing and a cross-site page cannot read their answers.
 */
public class CrossSiteRequestGuard extends OncePerRequestFilter {

    /** The header a non-browser client may send instead of a JSON or CSV content type (any non-blank value). */
    public static final String HEADER = "X-Requested-By";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final ProblemWriter problems;

    public CrossSiteRequestGuard(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || declaresItself(request) || hasNonFormBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        problems.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
                "a command is sent as application/json (text/csv for an import), or with the header " + HEADER
                        + ", which a page on another site cannot make a browser send; nothing was recorded");
    }

    private static boolean declaresItself(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        return header != null && !header.isBlank();
    }

    private static boolean hasNonFormBody(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        try {
            MediaType media = MediaType.parseMediaType(type);
            return media.isCompatibleWith(MediaType.APPLICATION_JSON)
                    || "json".equals(media.getSubtypeSuffix()) && "application".equals(media.getType())
                    || "text".equals(media.getType()) && "csv".equals(media.getSubtype());
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
