package org.festivalledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The organiser's pages as a browser without JavaScript uses them: a signed-in session (cookie), forms posted with
 * the CSRF token of the page they are on. For page tests that need no rendering.
 */
public final class OrganiserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    private OrganiserSession(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A visitor who has not signed in (yet): the same cookies, pages and forms, without an account. */
    public static OrganiserSession visitor(int port) {
        return new OrganiserSession(port);
    }

    /** Signs in on the login page with the demo organiser's account. */
    public static OrganiserSession signIn(int port) {
        return signIn(port, "/organiser/login", "organiser", "organiser-demo");
    }

    /** Signs in on another sign-in form of the pages (the auditor's, {@code /auditor/login}). */
    public static OrganiserSession signIn(int port, String loginPage, String username, String password) {
        OrganiserSession session = new OrganiserSession(port);
        String token = session.csrfOf(loginPage);
        HttpResponse<String> signedIn = session.post(loginPage,
                Map.of("username", username, "password", password), token);
        if (signedIn.statusCode() != 302 || signedIn.headers().firstValue("Location").orElse("").contains("failed")) {
            throw new IllegalStateException("sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    /** The CSRF token a page's forms carry. */
    public String csrfOf(String path) {
        HttpResponse<String> page = get(path);
        Matcher matcher = CSRF.matcher(page.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no form with a CSRF token on " + path + ": " + page.statusCode());
        }
        return matcher.group(1);
    }

    /** Posts a form as the page at {@code formPage} would (with its CSRF token). */
    public HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        return post(action, fields, csrfOf(formPage));
    }

    /** Posts a multipart form with one file, as the page at {@code formPage} would (with its CSRF token). */
    public HttpResponse<String> upload(String formPage, String action, Map<String, String> fields, String fileField,
                                       String fileName, String content) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfOf(formPage));
        String boundary = "----form" + System.nanoTime();
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n")
                .append(value).append("\r\n"));
        body.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(fileField).append("\"; filename=\"")
                .append(fileName).append("\"\r\nContent-Type: text/csv\r\n\r\n").append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        return send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields, String csrf) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf);
        String body = form.entrySet().stream().map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
