package org.festivalledger.http;

import com.mongodb.client.MongoDatabase;
import org.festivalledger.LedgerTestApplication;
import org.festivalledger.ledger.LedgerLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whose claim on an idempotency key is alive: where this process is the store's sole writer, another process's claim
 * is an earlier run's that died, and a retry takes it over at once; where other nodes may write the store (a shared
 * MongoDB, or an embedded store on a fixed port that a node joined), another process's fresh claim is a request in
 * progress on that node, and a retry is told so instead of running beside it.
 */
class IdempotencyClaimsTest extends LedgerTestApplication {

    @Autowired
    MongoDatabase database;

    @Test
    void onAStoreThisProcessAloneWritesAnotherProcesssClaimIsAnEarlierRunsAndIsTakenOver() {
        String id = "claims/" + UUID.randomUUID();
        assertThat(records(false).begin(id, "fingerprint").kind()).isEqualTo(IdempotencyRecords.Kind.PROCEED);

        assertThat(records(true).begin(id, "fingerprint").kind()).isEqualTo(IdempotencyRecords.Kind.PROCEED);
    }

    @Test
    void onAStoreOtherNodesMayWriteAnotherNodesFreshClaimIsARequestInProgress() {
        String id = "claims/" + UUID.randomUUID();
        assertThat(records(false).begin(id, "fingerprint").kind()).isEqualTo(IdempotencyRecords.Kind.PROCEED);

        assertThat(records(false).begin(id, "fingerprint").kind()).isEqualTo(IdempotencyRecords.Kind.IN_PROGRESS);
    }

    /** The records of another process (each has its own name for its claims) on this test's store. */
    private IdempotencyRecords records(boolean soleWriter) {
        return new IdempotencyRecords(database, Clock.systemUTC(),
                new LedgerLog(database, Clock.systemUTC(), null, soleWriter));
    }
}
