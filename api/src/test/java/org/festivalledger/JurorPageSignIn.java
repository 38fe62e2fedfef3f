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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A juror's sign-in with their link as a browser does it, over plain HTTP: open the page the link names (which
 * signs nobody in), then post its form with the link's credential and the page's CSRF token.
 */
public final class JurorPageSignIn {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private JurorPageSignIn() {
    }

    /** The link's credential ({@code jl_…}) from a sign-in link as the API answered it. */
    public static String credentialOf(String signInLink) {
        String query = URI.create(signInLink).getRawQuery();
        return query.substring(query.indexOf("link=") + "link=".length());
    }

    /** Posts the link's credential to the node on {@code port}; the status of the answer (302: signed in). */
    public static int signIn(int port, String signInLink) {
        return signIn(newClient(), port, signInLink);
    }

    /** A client signed in to the juror's pages with the link (its session cookie kept). */
    public static HttpClient session(int port, String signInLink) {
        HttpClient client = newClient();
        int status = signIn(client, port, signInLink);
        if (status != 302) {
            throw new AssertionError("the juror's sign-in answered " + status);
        }
        return client;
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    private static int signIn(HttpClient client, int port, String signInLink) {
        String credential = credentialOf(signInLink);
        String base = "http://localhost:" + port + "/juror/sign-in";
        try {
            String page = client.send(HttpRequest.newBuilder(URI.create(base + "?link=" + credential)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher csrf = CSRF.matcher(page);
            if (!csrf.find()) {
                throw new AssertionError("the sign-in page has no form with a CSRF token:\n" + page);
            }
            String form = "link=" + URLEncoder.encode(credential, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
            return client.send(HttpRequest.newBuilder(URI.create(base))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
