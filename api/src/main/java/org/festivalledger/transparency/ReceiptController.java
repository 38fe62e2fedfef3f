package org.festivalledger.transparency;

import org.festivalledger.transparency.ProofAnswers.ReceiptAnswer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Receipts through the API: the event's actor's, or any for an auditor ({@link Receipts}). */
@RestController
class ReceiptController {

    private final Receipts receipts;

    ReceiptController(Receipts receipts) {
        this.receipts = receipts;
    }

    @GetMapping("/api/receipts/{position}")
    ReceiptAnswer receipt(@PathVariable long position, Authentication authentication) {
        return receipts.of(position, authentication);
    }
}
