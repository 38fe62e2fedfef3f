package org.festivalledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.Api.Reply;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jurors scoring at once through HTTP, one client thread per juror, each with one request in flight at a time: a
 * first score for an entry it has not scored yet, else a revision with a reason, round and round its list. Every
 * request carries an Idempotency-Key of its own. A request answered 2xx is acknowledged in the {@link Book}; one
 * whose answer never came (the server died under it) is kept as in doubt, to be sent again after a restart.
 */
final class ScoringLoad {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One score request as sent: the same key and the same bytes go out again when it is retried. */
    record Sent(String juror, String entry, String key, String body, Map<String, BigDecimal> marks, String reason) {

        boolean revision() {
            return reason != null;
        }
    }

    /** A request the server answered 2xx, and the ledger position its answer named. */
    record Acknowledged(long position, Sent request) {
    }

    /** Everything acknowledged across every run of the application, and every answer that should not have come. */
    static final class Book {
        private final Map<Long, Acknowledged> byPosition = new ConcurrentHashMap<>();
        private final List<String> unexpected = new CopyOnWriteArrayList<>();
        private final AtomicInteger sent = new AtomicInteger();

        Sent next(String juror, String entry, boolean revision) {
            int n = sent.incrementAndGet();
            Map<String, BigDecimal> marks = new LinkedHashMap<>();
            marks.put("artistic-impact", BigDecimal.valueOf(n % 11));
            marks.put("thematic-expression", BigDecimal.valueOf(n * 7 % 11));
            marks.put("innovative-ai-use", BigDecimal.valueOf(n * 3 % 11));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("submissionId", entry);
            body.put("marks", marks);
            body.put("comment", "take " + n);
            try {
                return new Sent(juror, entry, "score-" + n, JSON.writeValueAsString(body), marks,
                        revision ? "seen again, take " + n : null);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Files a 2xx answer under its ledger position; anything else is noted as unexpected. */
        void answered(Sent request, Reply reply) {
            if (reply.status() < 200 || reply.status() > 299 || reply.header("Ledger-Position") == null) {
                unexpected.add(request.key() + " (" + request.juror() + " on " + request.entry() + "): " + reply);
                return;
            }
            Acknowledged previous = byPosition.putIfAbsent(reply.ledgerPosition(),
                    new Acknowledged(reply.ledgerPosition(), request));
            if (previous != null && !previous.request().key().equals(request.key())) {
                unexpected.add("two requests acknowledged at position " + reply.ledgerPosition() + ": "
                        + previous.request().key() + " and " + request.key());
            }
        }

        void unexpected(String what) {
            unexpected.add(what);
        }

        int size() {
            return byPosition.size();
        }

        Map<Long, Acknowledged> acknowledged() {
            return Map.copyOf(byPosition);
        }

        List<String> unexpected() {
            return List.copyOf(unexpected);
        }

        void awaitAtLeast(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + size() + " of " + count + " scores acknowledged in " + timeout
                            + "; unexpected answers: " + unexpected);
                }
                Thread.sleep(2);
            }
        }
    }

    private final List<Thread> clients = new ArrayList<>();
    private final List<Sent> inDoubt = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    private ScoringLoad() {
    }

    /** Starts one client per juror of {@code judging}, scoring in {@code round} until stopped or the server dies. */
    static ScoringLoad start(Api api, Judging judging, String round, Book book) {
        ScoringLoad load = new ScoringLoad();
        for (String juror : judging.jurorTokens.keySet()) {
            Thread client = new Thread(() -> load.score(api, judging, round, juror, book), "scoring-" + juror);
            client.setDaemon(true);
            load.clients.add(client);
            client.start();
        }
        return load;
    }

    /** Stops every client and returns the requests whose answer never came. */
    List<Sent> stop() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(40).toMillis());
        }
        return List.copyOf(inDoubt);
    }

    private void score(Api api, Judging judging, String round, String juror, Book book) {
        Map<String, Boolean> scored = new HashMap<>();
        List<String> entries = new ArrayList<>();
        try {
            for (JsonNode entry : judging.mine(round, juror)) {
                entries.add(entry.get("submissionId").asText());
                scored.put(entry.get("submissionId").asText(), entry.get("scored").asBoolean());
            }
        } catch (RuntimeException | AssertionError e) {
            book.unexpected(juror + " could not read their list: " + e);
            return;
        }
        for (int i = 0; running && !entries.isEmpty(); i++) {
            String entry = entries.get(i % entries.size());
            Sent request = book.next(juror, entry, scored.get(entry));
            Reply reply;
            try {
                reply = send(api, judging, round, request);
            } catch (UncheckedIOException serverGone) {
                inDoubt.add(request);
                return;
            }
            book.answered(request, reply);
            scored.put(entry, true);
        }
    }

    /** Sends (or sends again) one score request, as its juror, with its own key and body. */
    static Reply send(Api api, Judging judging, String round, Sent request) {
        Api.Call call = judging.asJuror(api.post(judging.path(round) + "/scores"), request.juror())
                .header("Idempotency-Key", request.key()).body(request.body());
        if (request.reason() != null) {
            call.header("X-Reason", request.reason());
        }
        return call.send();
    }
}
