package org.festivalledger.audit;

import org.festivalledger.ledger.LedgerLog;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The verifier's verdict on the ledger as it stands, for the auditor's pages: the same check as
 * {@code GET /api/audit/verification}, run again only when the head has moved since the last run (a page that shows
 * the verdict next to every decision must not re-read the whole log on each view).
 */
@Service
class LatestVerification {

    private final LedgerLog ledger;
    private Verification last;
    private long lastHead = -1;

    LatestVerification(LedgerLog ledger) {
        this.ledger = ledger;
    }

    synchronized Verification now() {
        long head = ledger.head().position();
        if (last == null || head != lastHead) {
            try {
                last = LedgerVerifier.verify(unreadable -> ledger.readFrom(1, LedgerExportController.CHUNK));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            lastHead = head;
        }
        return last;
    }
}
