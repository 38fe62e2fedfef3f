package org.festivalledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small real-HTTP client for the tests: any method, any body, any headers, as a hostile client could. */
public final class Api {

    public static final String ORGANISER = "organiser:organiser-demo";
    public static final String AUDITOR = "auditor:auditor-demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Api(int port) {
        this.port = port;
    }

    /** A request being built. */
    public final class Call {
        private final String method;
        private final String path;
        private String body;
        private String contentType = "application/json";
        private final Map<String, String> headers = new LinkedHashMap<>();

        Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call as(String userAndPassword) {
            if (userAndPassword != null) {
                headers.put("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8)));
            }
            return this;
        }

        public Call body(String json) {
            this.body = json;
            return this;
        }

        public Call json(Object value) {
            try {
                this.body = JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return this;
        }

        /** The body's media type ({@code null}: no Content-Type header at all). */
        public Call contentType(String type) {
            this.contentType = type;
            return this;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The headers set so far (for a test that sends the request its own way). */
        public Map<String, String> headers() {
            return Map.copyOf(headers);
        }

        public Reply send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            // A command without a body still says it is JSON: the API refuses commands a cross-site form could send.
            if (contentType != null && (body != null || !method.equals("GET") && !method.equals("HEAD"))) {
                request.header("Content-Type", contentType);
            }
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Reply(response);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A response, with its body parsed on demand. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + response.body(), e);
            }
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public long ledgerPosition() {
            return Long.parseLong(header("Ledger-Position"));
        }

        @Override
        public String toString() {
            return status() + " " + response.body();
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call call(String method, String path) {
        return new Call(method, path);
    }
}
