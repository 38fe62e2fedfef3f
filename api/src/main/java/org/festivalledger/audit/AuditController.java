package org.festivalledger.audit;

import org.festivalledger.ledger.ChainVerifier;
import org.festivalledger.ledger.LedgerHead;
import org.festivalledger.ledger.LedgerLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The ledger's own evidence: its head digest, and a re-check of the whole hash chain. */
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

    /** The outcome of re-checking the log. */
    record Verification(boolean ok, long checked, String headHash, List<ChainVerifier.Problem> problems) {
    }

    @GetMapping("/head")
    Head head() {
        LedgerHead head = ledger.head();
        return new Head(head.position(), head.hash(), head.position() == 0 ? null : head.recordedAt());
    }

    /** Re-reads the whole log from position 1 and recomputes every hash (constant memory). */
    @GetMapping("/verification")
    Verification verify() {
        ChainVerifier verifier = new ChainVerifier();
        try (var events = ledger.readFrom(1)) {
            events.forEach(verifier::accept);
        }
        return new Verification(verifier.ok(), verifier.checked(), verifier.headHash(), verifier.problems());
    }
}
