package org.festivalledger.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.festivalledger.ledger.LedgerLog;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What anyone may read (the public pages {@code /} and {@code /competitions/{id}}, and {@code /api/public/**}),
 * made cheap for the crowd at a ceremony, in two ways.
 *
 * <p>For caches in front of the festival: a successful answer carries a strong {@code ETag} (a digest of the bytes
 * sent, right by construction whatever view the page was drawn from), a {@code Last-Modified} (when this node
 * first sent these bytes for this address) and {@code Cache-Control: public, max-age=…}
 * ({@code ledger.http.public-max-age}, 10 s by default: the longest a published change may take to reach a reader
 * behind a cache). A conditional request that matches is answered {@code 304} without a body. Anything else (a 404
 * under embargo, an error) stays {@code no-store}, so a lifted embargo is never hidden behind a cached "not found".
 *
 * <p>In this node: an answer is drawn once per state of the views. It is kept with the fingerprint of every view's
 * position ({@link ProjectionProgress#fingerprint()}) and the ledger head this node has seen; while neither has
 * moved, the same request gets the same bytes without rendering, without a lock, without the store. A request
 * asking to read its own write ({@code minPosition}) is always drawn afresh.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PublicCaching extends OncePerRequestFilter {

    /** Addresses remembered at most; beyond that the table starts afresh (a flood of invented addresses). */
    private static final int MAX_REMEMBERED = 2_000;
    /** Headers never replayed from a kept answer: set per answer, or a sign that the answer was personal. */
    private static final Set<String> NOT_KEPT = Set.of("date", "content-length", "set-cookie", "transfer-encoding",
            "content-type", "content-language",
            "cache-control", "pragma", "expires", "etag", "last-modified");

    /** What a public page's bytes depend on besides its address. */
    static final String PAGE_VARY = HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.COOKIE;

    private record Version(String etag, Instant since) {
    }

    /** An answer as drawn from the views at {@code state}. */
    private record Kept(String state, byte[] body, String contentType, Locale locale, List<String[]> headers,
                        Version version) {
    }

    private final String cacheControl;
    private final Clock clock;
    private final Supplier<String> viewState;
    private final Map<String, Version> versions = new ConcurrentHashMap<>();
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    @Autowired
    PublicCaching(@Value("${ledger.http.public-max-age:10s}") Duration maxAge, ProjectionProgress progress,
                  LedgerLog ledger) {
        this(maxAge, Clock.systemUTC(), () -> progress.fingerprint() + "head@" + ledger.knownHead().position());
    }

    PublicCaching(Duration maxAge, Clock clock, Supplier<String> viewState) {
        long seconds = Math.max(0, maxAge.toSeconds());
        // stale-while-revalidate: a proxy keeps serving the crowd while it asks us once for the next version.
        this.cacheControl = "public, max-age=" + seconds + ", stale-while-revalidate=" + Math.max(seconds, 30);
        this.clock = clock;
        this.viewState = viewState;
    }

    /** Whether an address is one of the public reads this filter serves. */
    static boolean isPublic(String path) {
        return path.equals("/") || path.startsWith("/api/public/")
                || (path.startsWith("/competitions/") && path.indexOf('/', "/competitions/".length()) < 0);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !isPublic(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = address(request);
        String query = request.getQueryString();
        boolean keepable = query == null || !query.contains("minPosition");
        String key = address + '\n' + header(request, HttpHeaders.ACCEPT_LANGUAGE) + '\n'
                + header(request, HttpHeaders.COOKIE);
        String state = keepable ? viewState.get() : null;
        Kept hit = keepable ? kept.get(key) : null;
        if (hit != null && hit.state().equals(state)) {
            replay(request, response, hit); // its headers, the Vary below among them
            return;
        }
        if (!request.getRequestURI().startsWith("/api/")) {
            // A page is written in the reader's language (their cookie, else Accept-Language): a cache in front of
            // the festival must keep one copy per language, never hand a Chinese page to an English reader.
            response.addHeader(HttpHeaders.VARY, PAGE_VARY);
        }
        ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(new OwnCachingHeaders(response));
        try {
            chain.doFilter(request, body);
        } finally {
            finish(request, response, body, address, keepable ? key : null, state);
        }
    }

    private void finish(HttpServletRequest request, HttpServletResponse response, ContentCachingResponseWrapper body,
                        String address, String key, String stateBefore) throws IOException {
        if (body.getStatus() != HttpServletResponse.SC_OK) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            body.copyBodyToResponse();
            return;
        }
        byte[] bytes = body.getContentAsByteArray();
        // One version per address and language: the English and the Chinese page each keep their own date.
        Version version = versionOf(address + '\n' + response.getLocale(), etagOf(bytes));
        // Kept only if no view moved while it was drawn (else it may mix two states) and it is nobody's own.
        if (key != null && response.getHeader(HttpHeaders.SET_COOKIE) == null && stateBefore.equals(viewState.get())) {
            if (kept.size() >= MAX_REMEMBERED) {
                kept.clear();
            }
            // The servlet container keeps the content type and language apart from the other headers.
            kept.put(key, new Kept(stateBefore, bytes, response.getContentType(), response.getLocale(),
                    headersOf(response), version));
        }
        setValidators(response, version);
        if (notModified(request, version)) {
            body.resetBuffer();
            notModified(response);
            return;
        }
        body.copyBodyToResponse();
    }

    private void replay(HttpServletRequest request, HttpServletResponse response, Kept hit) throws IOException {
        if (hit.contentType() != null) {
            response.setContentType(hit.contentType());
        }
        // The language matters to pages, whose content type names its charset; Tomcat's setLocale would also give
        // a charset to one that has none (JSON), and the answer replayed would differ from the one drawn.
        if (hit.locale() != null && hit.contentType() != null && hit.contentType().contains("charset")) {
            response.setLocale(hit.locale());
        }
        for (String[] header : hit.headers()) {
            response.addHeader(header[0], header[1]);
        }
        setValidators(response, hit.version());
        if (notModified(request, hit.version())) {
            notModified(response);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentLength(hit.body().length);
        response.getOutputStream().write(hit.body());
    }

    private void setValidators(HttpServletResponse response, Version version) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
        response.setHeader(HttpHeaders.ETAG, version.etag());
        response.setDateHeader(HttpHeaders.LAST_MODIFIED, version.since().toEpochMilli());
    }

    private static void notModified(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        response.setContentLength(0);
        response.flushBuffer();
    }

    private static List<String[]> headersOf(HttpServletResponse response) {
        List<String[]> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!NOT_KEPT.contains(name.toLowerCase(Locale.ROOT))) {
                for (String value : response.getHeaders(name)) {
                    headers.add(new String[] {name, value});
                }
            }
        }
        return List.copyOf(headers);
    }

    private static String address(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + "?" + query;
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? "" : value;
    }

    private Version versionOf(String address, String etag) {
        Version current = versions.get(address);
        if (current != null && current.etag().equals(etag)) {
            return current;
        }
        if (versions.size() >= MAX_REMEMBERED) {
            versions.clear();
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
