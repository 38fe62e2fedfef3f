package org.festivalledger;

import com.fasterxml.jackson.databind.JsonNode;
import org.festivalledger.Api.Reply;
import org.festivalledger.ledger.RealMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;

/**
 * Nothing acknowledged is lost: a burst of entries is recorded through HTTP by concurrent clients, the
 * process is killed with SIGKILL the moment the last acknowledgement arrives, and after a restart on the
 * same file every acknowledged entry is on the ledger, the chain verifies and positions have no gap.
 */
class DurabilityTest {

    @TempDir
    Path directory;

    @Test
    void everyAcknowledgedEntrySurvivesSigkill() throws Exception {
        RealMongo.assumeAvailableWhenRequired();
        Path data = directory.resolve("data");
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        String competition = "durable";
        try (AppProcess app = AppProcess.start(data)) {
            Api api = app.api();
            assertThat(api.post("/api/competitions").as(ORGANISER).json(Festival.competition(competition)).send()
                    .status()).isEqualTo(201);
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> burst = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                int c = client;
                burst.add(clients.submit(() -> {
                    for (int i = 0; i < 30; i++) {
                        String id = "film-" + c + "-" + i;
                        Reply reply = api.post("/api/competitions/" + competition + "/submissions").as(ORGANISER)
                                .json(withId(id)).send();
                        if (reply.status() == 201) {
                            acknowledged.put(id, reply.ledgerPosition());
                        }
                    }
                }));
            }
            for (Future<?> future : burst) {
                future.get();
            }
            app.kill();
            clients.shutdown();
        }
        assertThat(acknowledged).hasSize(240);
        long lastAcknowledged = acknowledged.values().stream().mapToLong(Long::longValue).max().orElseThrow();

        try (AppProcess restarted = AppProcess.start(data)) {
            Api api = restarted.api();
            JsonNode head = api.get("/api/audit/head").send().json();
            assertThat(head.get("position").asLong()).isGreaterThanOrEqualTo(lastAcknowledged);

            JsonNode verification = api.get("/api/audit/verification").as(AUDITOR).send().json();
            assertThat(verification.get("problems")).isEmpty();
            assertThat(verification.get("ok").asBoolean()).isTrue();
            assertThat(verification.get("checked").asLong()).isEqualTo(head.get("position").asLong());

            Reply list = caughtUp(api, "/api/competitions/" + competition + "/submissions", lastAcknowledged);
            Set<String> listed = new java.util.HashSet<>(list.json().findValuesAsText("id"));
            assertThat(listed).containsAll(acknowledged.keySet());
        }
    }

    /** Reads as a careful client would: until the answer says the views have reached the position. */
    private static Reply caughtUp(Api api, String path, long position) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Reply reply;
        do {
            reply = api.get(path + "?minPosition=" + position).as(AUDITOR).send();
            if (Long.parseLong(reply.header("Projection-Position")) >= position) {
                return reply;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return reply;
    }

    private static Map<String, Object> withId(String id) {
        Map<String, Object> entry = new java.util.HashMap<>(Festival.entry("Film " + id));
        entry.put("id", id);
        return entry;
    }

}
