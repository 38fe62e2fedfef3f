package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caching for what anyone may read (the public pages {@code /} and {@code /competitions/{id}}, and
 * {@code /api/public/**}): at a ceremony a reverse proxy or CDN in front of the festival should answer the crowd.
 *
 * <p>A successful answer carries a strong {@code ETag} (a digest of the bytes sent, so it is right by construction
 * whatever view the page was drawn from), a {@code Last-Modified} (when this node first sent these bytes for this
 * address) and {@code Cache-Control: public, max-age=…} ({@code ledger.http.public-max-age}, 10 s by default: the
 * longest a published change may take to reach a reader behind a cache). A conditional request that matches is
 * answered {@code 304} without a body. Anything else (a 404 under embargo, an error) stays {@code no-store}, so an
 * embargo lifted is never hidden behind a cached "not found".
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PublicCaching extends OncePerRequestFilter {

    /** Addresses remembered for Last-Modified at most; beyond that a new address starts a fresh table. */
    private static final int MAX_REMEMBERED = 10_000;

    private record Version(String etag, Instant since) {
    }

    private final String cacheControl;
    private final Clock clock;
    private final Map<String, Version> versions = new ConcurrentHashMap<>();

    @Autowired
    PublicCaching(@Value("${ledger.http.public-max-age:10s}") Duration maxAge) {
        this(maxAge, Clock.systemUTC());
    }

    PublicCaching(Duration maxAge, Clock clock) {
        long seconds = Math.max(0, maxAge.toSeconds());
        // stale-while-revalidate: a proxy keeps serving the crowd while it asks us once for the next version.
        this.cacheControl = "public, max-age=" + seconds + ", stale-while-revalidate=" + Math.max(seconds, 30);
        this.clock = clock;
    }

    /** Whether an address is one of the public reads this filter serves. */
    static boolean isPublic(String path) {
        return path.equals("/") || path.startsWith("/api/public/")
                || (path.startsWith("/competitions/") && path.indexOf('/', "/competitions/".length()) < 0);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !"GET".equals(method) || !isPublic(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(new OwnCachingHeaders(response));
        try {
            chain.doFilter(request, body);
        } finally {
            finish(request, response, body);
        }
    }

    private void finish(HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper body)
            throws IOException {
        if (body.getStatus() != HttpServletResponse.SC_OK) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            body.copyBodyToResponse();
            return;
        }
        String etag = etagOf(body.getContentAsByteArray());
        Version version = versionOf(request, etag);
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, etag);
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, version.since().toEpochMilli());
        if (notModified(request, version)) {
            body.resetBuffer();
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setContentLength(0);
            response.flushBuffer();
            return;
        }
        body.copyBodyToResponse();
    }

    private Version versionOf(HttpServletRequest request, String etag) {
        String query = request.getQueryString();
        String address = query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
        Version current = versions.get(address);
        if (current != null && current.etag().equals(etag)) {
            return current;
        }
        if (versions.size() >= MAX_REMEMBERED) {
            versions.clear(); // a flood of invented addresses must not grow the heap
        }
        Version next = new Version(etag, clock.instant().truncatedTo(ChronoUnit.SECONDS));
        versions.put(address, next);
        return next;
    }

    private static boolean notModified(HttpServletRequest request, Version version) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.strip();
                if (tag.equals("*") || tag.equals(version.etag()) || tag.equals("W/" + version.etag())) {
                    return true;
                }
            }
            return false;
        }
        try {
            long since = request.getDateHeader(HttpHeaders.IF_MODIFIED_SINCE);
            return since >= 0 && version.since().toEpochMilli() <= since;
        } catch (IllegalArgumentException unreadableDate) {
            return false;
        }
    }

    private static String etagOf(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Keeps the caching headers this filter decides: Spring Security would otherwise mark every answer
     * {@code no-store}, which is right for everything but these public reads.
     */
    private static final class OwnCachingHeaders extends HttpServletResponseWrapper {

        OwnCachingHeaders(HttpServletResponse response) {
            super(response);
        }

        private static boolean ours(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            return lower.equals("cache-control") || lower.equals("pragma") || lower.equals("expires");
        }

        @Override
        public void setHeader(String name, String value) {
            if (!ours(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!ours(name)) {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setDateHeader(String name, long date) {
            if (!ours(name)) {
                super.setDateHeader(name, date);
            }
        }

        @Override
        public void addDateHeader(String name, long date) {
            if (!ours(name)) {
                super.addDateHeader(name, date);
            }
        }
    }
}
