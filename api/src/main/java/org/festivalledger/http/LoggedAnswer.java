package org.festivalledger.http;

import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The answer to a retried request that the ledger already recorded under its idempotency key, read from the log
 * itself when the first answer was lost (the process died between recording and answering): 200 with the entity
 * the commit began with and the {@code Ledger-Position} of its last event. Not the first answer word for word,
 * which no one kept, but the same facts.
 */
record LoggedAnswer(String id, long position) {

    /** The answer for the commit carrying {@code scopedKey}, if the ledger holds one. */
    static Optional<LoggedAnswer> find(LedgerLog ledger, String scopedKey) {
        List<StoredEvent> events = ledger.commitWithUniqueKey(scopedKey);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LoggedAnswer(events.get(0).aggregateId(), events.get(events.size() - 1).position()));
    }

    Map<String, Object> body() {
        return Map.of("id", id, "alreadyRecorded", true);
    }
}
