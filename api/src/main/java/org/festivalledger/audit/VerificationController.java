package org.festivalledger.audit;

import org.festivalledger.ledger.LedgerLog;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/**
 * The auditor's re-check of the live ledger: the same verifier an auditor runs offline on an export, reading the
 * store directly, so the two can only disagree if the export was changed.
 */
@RestController
@RequestMapping("/api/audit")
class VerificationController {

    private final LedgerLog ledger;

    VerificationController(LedgerLog ledger) {
        this.ledger = ledger;
    }

    /** Re-reads the whole log twice (chain, then provenance) in bounded chunks; memory stays that of a judging. */
    @GetMapping("/verification")
    Verification verify() throws IOException {
        return LedgerVerifier.verify(unreadable -> ledger.readFrom(1, LedgerExportController.CHUNK));
    }
}
