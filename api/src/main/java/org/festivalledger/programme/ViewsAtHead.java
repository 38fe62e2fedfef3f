package org.festivalledger.programme;

import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.http.ViewsCatchingUp;
import org.festivalledger.ledger.LedgerLog;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** A programme command's wait for every view to reach the ledger's head before it reads facts from them. */
@Component
class ViewsAtHead {

    private static final Duration MAX_WAIT = Duration.ofSeconds(10);

    private final ProjectionProgress progress;
    private final LedgerLog ledger;

    ViewsAtHead(ProjectionProgress progress, LedgerLog ledger) {
        this.progress = progress;
        this.ledger = ledger;
    }

    /** Returns once the views hold everything recorded so far, or refuses the request (503) rather than guess. */
    void await() {
        if (!progress.awaitPosition(ledger.head().position(), MAX_WAIT)) {
            throw new ViewsCatchingUp();
        }
    }
}
