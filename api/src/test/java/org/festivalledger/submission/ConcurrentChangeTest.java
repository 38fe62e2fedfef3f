package org.festivalledger.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.festivalledger.Api;
import org.festivalledger.Api.Reply;
import org.festivalledger.Judging;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.PendingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.AUDITOR;
import static org.festivalledger.Api.ORGANISER;
import static org.festivalledger.Festival.competition;
import static org.festivalledger.Festival.entry;

/**
 * Two people acting at once. A stale write loses cleanly: while this node is about to record a withdrawal,
 * another node (a second writer on the same store) records a change to the same entry first; the loser gets
 * 409 and its command leaves nothing on the ledger. Copies of one request sent at once under one
 * Idempotency-Key are recorded once; revisions of one score sent at once are each recorded, in order, or
 * refused with a 409, and none is lost.
 */
class ConcurrentChangeTest extends LedgerTestApplication {

    @Autowired
    MongoDatabase database;

    @AfterEach
    void removeProbe() {
        ledger.setProbe(null);
    }

    @Test
    void aWriteBasedOnAStaleEntityIsAConflictAndRecordsNothing() {
        String competition = "race-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(ORGANISER).json(competition(competition)).send();
        String submission = api.post("/api/competitions/" + competition + "/submissions").as(ORGANISER)
                .json(entry("Drifting Archives")).send().json().get("id").asText();

        LedgerLog otherNode = new LedgerLog(database, Clock.systemUTC());
        AtomicBoolean raced = new AtomicBoolean();
        ledger.setProbe(position -> {
            if (raced.compareAndSet(false, true)) {
                otherNode.append(List.of(new PendingEvent(submission, "Submission", 1, UUID.randomUUID().toString(),
                        SubmissionRuledIneligible.class.getName(), "1",
                        "{\"submissionId\":\"" + submission + "\",\"competitionId\":\"" + competition
                                + "\",\"reason\":\"ruled on the other node\"}",
                        "{\"actor\":\"organiser-2\",\"role\":\"ORGANISER\"}", Instant.now())), List.of());
            }
        });
        long before = ledger.head().position();

        Reply withdrawal = api.post("/api/competitions/" + competition + "/submissions/" + submission + "/withdrawal")
                .as(ORGANISER).json(Map.of("reason", "changed our mind")).send();

        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(409);
        assertThat(withdrawal.json().get("title").asText()).isEqualTo("Concurrent modification");
        assertThat(ledger.head().position()).as("only the other node's event was recorded").isEqualTo(before + 1);
        assertThat(ledger.readStream(submission, 0).map(e -> e.payloadType()).toList())
                .containsExactly(SubmissionReceived.class.getName(), SubmissionRuledIneligible.class.getName());
    }

    @Test
    void eightCopiesOfOneRequestSentAtOnceAreRecordedOnceAndEachIsAnsweredOrToldItIsInProgress() throws Exception {
        Judging judging = Judging.with(api, "copies-" + UUID.randomUUID().toString().substring(0, 8), 2, 1);
        judging.openRound("preliminary", 1, "MEAN", 1);
        judging.autoAssign("preliminary");
        String entry = judging.entries.get(0);
        long before = ledger.head().position();

        List<Reply> answers = atOnce(8, copy -> judging.asJuror(api.post(judging.path("preliminary") + "/scores"),
                        "juror-1").header("Idempotency-Key", "score-once")
                .body("{\"submissionId\":\"" + entry + "\",\"marks\":{\"artistic-impact\":8,"
                        + "\"thematic-expression\":7,\"innovative-ai-use\":9}}"));

        List<Reply> recorded = answers.stream().filter(reply -> reply.status() == 201).toList();
        assertThat(recorded).as("answers %s", answers).isNotEmpty();
        assertThat(recorded).extracting(Reply::body).containsOnly(recorded.get(0).body());
        assertThat(recorded).extracting(reply -> reply.header("Ledger-Position")).containsOnly(String.valueOf(before + 1));
        assertThat(answers).filteredOn(reply -> reply.status() != 201).allSatisfy(reply -> {
            assertThat(reply.status()).isEqualTo(409);
            assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            assertThat(reply.json().get("title").asText()).isEqualTo("Request in progress");
        });
        assertThat(ledger.head().position()).as("one event for eight copies").isEqualTo(before + 1);

        Reply later = judging.asJuror(api.post(judging.path("preliminary") + "/scores"), "juror-1")
                .header("Idempotency-Key", "score-once").body("{\"submissionId\":\"" + entry + "\",\"marks\":"
                        + "{\"artistic-impact\":8,\"thematic-expression\":7,\"innovative-ai-use\":9}}").send();
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(later.body()).isEqualTo(recorded.get(0).body());

        Reply otherBody = judging.asJuror(api.post(judging.path("preliminary") + "/scores"), "juror-1")
                .header("Idempotency-Key", "score-once").json(Map.of("submissionId", entry, "marks",
                        Map.of("artistic-impact", 1, "thematic-expression", 1, "innovative-ai-use", 1))).send();
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(otherBody.header("Content-Type")).startsWith("application/problem+json");
        assertThat(ledger.head().position()).isEqualTo(before + 1);
    }

    @Test
    void aRetriedImportOfFiveEntriesMovesTheHeadByFiveOnce() throws Exception {
        String competition = "import-once-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/api/competitions").as(ORGANISER).json(competition(competition)).send();
        StringBuilder csv = new StringBuilder("title,team,country,runtimeMinutes,synopsis,aiTools,aiWorkflow\n");
        for (int i = 1; i <= 5; i++) {
            csv.append("Film ").append(i).append(",Team ").append(i).append(",FR,10,About it,Runway,HYBRID\n");
        }
        long before = ledger.head().position();

        List<Reply> answers = atOnce(4, copy -> api.post("/api/competitions/" + competition + "/submissions/import")
                .as(ORGANISER).header("Idempotency-Key", "spreadsheet-1").contentType("text/csv").body(csv.toString()));
        Reply again = api.post("/api/competitions/" + competition + "/submissions/import").as(ORGANISER)
                .header("Idempotency-Key", "spreadsheet-1").contentType("text/csv").body(csv.toString()).send();

        assertThat(answers).extracting(Reply::status).containsAnyOf(201).allMatch(status -> status == 201 || status == 409);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Ledger-Position")).isEqualTo(String.valueOf(before + 5));
        assertThat(ledger.head().position()).as("five events, once").isEqualTo(before + 5);
    }

    @Test
    void aRetryAfterACrashBetweenRecordingAndAnsweringIsAnsweredFromTheLedger() {
        Judging judging = Judging.with(api, "lost-answer-" + UUID.randomUUID().toString().substring(0, 8), 1, 1);
        judging.openRound("preliminary", 1, "MEAN", 1);
        judging.autoAssign("preliminary");
        String body = "{\"submissionId\":\"" + judging.entries.get(0) + "\",\"marks\":{\"artistic-impact\":8,"
                + "\"thematic-expression\":7,\"innovative-ai-use\":9}}";
        Reply first = judging.asJuror(api.post(judging.path("preliminary") + "/scores"), "juror-1")
                .header("Idempotency-Key", "before-the-crash").body(body).send();
        assertThat(first.status()).isEqualTo(201);
        long head = ledger.head().position();
        // What a process killed after recording leaves behind: the score on the ledger, the key still claimed by it.
        database.getCollection("idempotency_keys").updateOne(
                Filters.eq("_id", judging.competition + "/juror-1:before-the-crash"),
                Updates.combine(Updates.set("state", "IN_PROGRESS"), Updates.set("process", "a-process-that-died"),
                        Updates.set("claimedAt", new Date()), Updates.unset("status"), Updates.unset("body")));

        Reply retry = judging.asJuror(api.post(judging.path("preliminary") + "/scores"), "juror-1")
                .header("Idempotency-Key", "before-the-crash").body(body).send();

        assertThat(retry.status()).as("not refused as a revision without a reason: " + retry).isEqualTo(200);
        assertThat(retry.json().get("alreadyRecorded").asBoolean()).isTrue();
        assertThat(retry.header("Ledger-Position")).isEqualTo(first.header("Ledger-Position"));
        assertThat(ledger.head().position()).isEqualTo(head);
        Reply again = judging.asJuror(api.post(judging.path("preliminary") + "/scores"), "juror-1")
                .header("Idempotency-Key", "before-the-crash").body(body).send();
        assertThat(again.body()).isEqualTo(retry.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void jurorsOfTwoCompetitionsWithTheSameIdKeepTheirIdempotencyKeysApart() {
        Judging first = Judging.with(api, "keys-a-" + UUID.randomUUID().toString().substring(0, 6), 1, 1);
        Judging second = Judging.with(api, "keys-b-" + UUID.randomUUID().toString().substring(0, 6), 1, 1);
        for (Judging judging : List.of(first, second)) {
            judging.openRound("preliminary", 1, "MEAN", 1);
            judging.autoAssign("preliminary");
        }
        long before = ledger.head().position();

        Reply inFirst = first.asJuror(api.post(first.path("preliminary") + "/scores"), "juror-1")
                .header("Idempotency-Key", "my-first-score").json(Map.of("submissionId", first.entries.get(0),
                        "marks", Map.of("artistic-impact", 8, "thematic-expression", 7, "innovative-ai-use", 9))).send();
        Reply inSecond = second.asJuror(api.post(second.path("preliminary") + "/scores"), "juror-1")
                .header("Idempotency-Key", "my-first-score").json(Map.of("submissionId", second.entries.get(0),
                        "marks", Map.of("artistic-impact", 5, "thematic-expression", 5, "innovative-ai-use", 5))).send();

        assertThat(inFirst.status()).isEqualTo(201);
        assertThat(inSecond.status()).as(inSecond.toString()).isEqualTo(201);
        assertThat(inSecond.header("Idempotent-Replayed")).isNull();
        assertThat(ledger.head().position()).isEqualTo(before + 2);
    }

    @Test
    void revisionsOfOneScoreSentAtOnceAreEachRecordedInOrderOrRefusedAndNoneIsLost() throws Exception {
        Judging judging = Judging.with(api, "revisions-" + UUID.randomUUID().toString().substring(0, 8), 1, 1);
        judging.openRound("preliminary", 1, "MEAN", 1);
        judging.autoAssign("preliminary");
        String entry = judging.entries.get(0);
        assertThat(judging.score("preliminary", "juror-1", entry, 5, 5, 5, null).status()).isEqualTo(201);

        List<Reply> answers = atOnce(40, n -> judging.asJuror(api.post(judging.path("preliminary") + "/scores"),
                "juror-1").header("X-Reason", "second thoughts #" + n).json(Map.of("submissionId", entry,
                "marks", Map.of("artistic-impact", n % 11, "thematic-expression", (n * 3) % 11,
                        "innovative-ai-use", (n * 7) % 11))));

        assertThat(answers).allSatisfy(reply -> {
            assertThat(reply.status()).as(reply.toString()).isIn(201, 409);
            if (reply.status() == 409) {
                assertThat(reply.header("Content-Type")).startsWith("application/problem+json");
            }
        });
        long accepted = answers.stream().filter(reply -> reply.status() == 201).count();
        long head = ledger.head().position();
        JsonNode revisions = api.get("/api/audit/events?type=ScoreRevised&limit=1000&entity=" + entry)
                .as(AUDITOR).send().json().get("events");
        assertThat(revisions).as("one ScoreRevised per accepted revision").hasSize((int) accepted);
        List<Integer> numbers = new ArrayList<>();
        revisions.forEach(event -> numbers.add(event.get("payload").get("revision").asInt()));
        assertThat(numbers).as("revision numbers in ledger order")
                .isEqualTo(IntStream.rangeClosed(1, (int) accepted).boxed().toList());
        assertThat(answers).filteredOn(reply -> reply.status() == 201).extracting(Reply::ledgerPosition)
                .containsExactlyInAnyOrderElementsOf(revisions.findValues("position").stream().map(JsonNode::asLong)
                        .toList());

        JsonNode last = revisions.get(revisions.size() - 1).get("payload").get("marks");
        JsonNode mine = judging.asJuror(api.get(judging.path("preliminary") + "/assignments/mine?minPosition=" + head),
                "juror-1").send().json().get(0);
        assertThat(mine.get("revisions").asInt()).isEqualTo((int) accepted);
        last.fields().forEachRemaining(mark -> assertThat(mine.get("myMarks").get(mark.getKey()).decimalValue())
                .isEqualByComparingTo(mark.getValue().decimalValue()));
    }

    /** Sends {@code copies} requests at the same moment, each from its own client, and collects every answer. */
    private List<Reply> atOnce(int copies, IntFunction<Api.Call> request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(Math.min(copies, 8));
        try {
            CountDownLatch ready = new CountDownLatch(Math.min(copies, 8));
            List<Future<Reply>> answers = new ArrayList<>();
            for (int n = 0; n < copies; n++) {
                int copy = n;
                answers.add(clients.submit(() -> {
                    Api.Call call = request.apply(copy);
                    if (copy < 8) {
                        ready.countDown();
                        ready.await();
                    }
                    return call.send();
                }));
            }
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> answer : answers) {
                replies.add(answer.get(60, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            clients.shutdownNow();
        }
    }
}
