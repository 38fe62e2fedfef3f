package org.festivalledger.publication;

import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** The one act that lifts a competition's embargo: its shortlists and awards become public. */
@RestController
class PublicationController {

    private final ResultsPublication publication;

    PublicationController(ResultsPublication publication) {
        this.publication = publication;
    }

    @PostMapping("/api/competitions/{competitionId}/publication")
    ResponseEntity<Map<String, Object>> publish(@PathVariable String competitionId) {
        Recorded recorded = publication.publish(competitionId);
        return ResponseEntity.ok().header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(Map.of("competitionId", competitionId, "published", true,
                        "ledgerPosition", recorded.position()));
    }
}
