package org.festivalledger.audit;

import org.festivalledger.ledger.LedgerHead;
import org.festivalledger.ledger.LedgerLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** The ledger's own evidence: its head digest, public so that anyone can hold the ledger to it later. */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final LedgerLog ledger;

    AuditController(LedgerLog ledger) {
        this.ledger = ledger;
    }

    /** The digest to publish: anyone holding it can later check that an export was not edited. */
    record Head(long position, String hash, Instant timestamp) {
    }

    @GetMapping("/head")
    Head head() {
        // The stored head (another node may have appended), read without the append lock jurors' scores take.
        LedgerHead head = ledger.currentHead();
        return new Head(head.position(), head.hash(), head.position() == 0 ? null : head.recordedAt());
    }
}
