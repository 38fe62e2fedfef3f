package org.festivalledger.submission;

import com.mongodb.client.MongoDatabase;
import org.festivalledger.Api.Reply;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.PendingEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.festivalledger.Api.ORGANISER;
import static org.festivalledger.Festival.competition;
import static org.festivalledger.Festival.entry;

/**
 * A stale write loses cleanly: while this node is about to record a withdrawal, another node (a second
 * writer on the same store) records a change to the same entry first. The loser gets 409 and its
 * command leaves nothing on the ledger.
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
}
