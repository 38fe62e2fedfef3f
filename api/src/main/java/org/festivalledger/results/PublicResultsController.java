package org.festivalledger.results;

import org.festivalledger.http.UnknownId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public results as JSON: 404 until the competition's results are published, the same as for no competition. */
@RestController
class PublicResultsController {

    private final PublicResults results;

    PublicResultsController(PublicResults results) {
        this.results = results;
    }

    @GetMapping("/api/public/competitions/{competitionId}/results")
    PublishedResults results(@PathVariable String competitionId) {
        // An embargoed competition answers exactly as an unknown one, so nothing leaks, not even that a decision exists.
        return results.of(competitionId).orElseThrow(() -> new UnknownId("published results for competition",
                competitionId));
    }
}
