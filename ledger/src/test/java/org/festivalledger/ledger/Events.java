package org.festivalledger.ledger;

import java.time.Instant;
import java.util.UUID;

/** Small builders of pending events for tests. */
final class Events {

    private Events() {
    }

    static PendingEvent event(String aggregateId, long sequence) {
        return new PendingEvent(aggregateId, "Scorecard", sequence, UUID.randomUUID().toString(),
                "org.example.ScoreRecorded", "1", "{\"aggregate\":\"" + aggregateId + "\",\"seq\":" + sequence + "}",
                "{\"actor\":\"juror-1\"}", Instant.parse("2026-04-20T10:00:00Z"));
    }
}
