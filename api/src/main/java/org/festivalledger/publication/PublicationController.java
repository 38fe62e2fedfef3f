package org.festivalledger.publication;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Map;

/** The one act that lifts a competition's embargo: its shortlists and awards become public. */
@RestController
class PublicationController {

    private final CommandDispatch dispatch;
    private final Clock clock;

    PublicationController(CommandDispatch dispatch, Clock clock) {
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @PostMapping("/api/competitions/{competitionId}/publication")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String competitionId) {
        Recorded recorded = dispatch.send(new PublishResults(competitionId, clock.instant()), null);
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("competitionId", competitionId, "published", true,
                        "ledgerPosition", recorded.position()));
    }
}
