package org.festivalledger.audit;

import org.festivalledger.http.UnknownId;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.rules.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Juror calibration and shortlist sensitivity of a round, as of a ledger position (by default, now). */
@RestController
class CalibrationController {

    private final JurorCalibration calibration;
    private final LedgerLog ledger;

    CalibrationController(JurorCalibration calibration, LedgerLog ledger) {
        this.calibration = calibration;
        this.ledger = ledger;
    }

    /** {@code size} is the shortlist size to test when the round has no shortlist yet. */
    @GetMapping("/api/audit/competitions/{competitionId}/rounds/{roundId}/calibration")
    JurorCalibration.Calibration calibration(@PathVariable String competitionId, @PathVariable String roundId,
                                             @RequestParam(required = false) Long position,
                                             @RequestParam(defaultValue = "10") int size) {
        if (size < 1) {
            throw InvalidInput.of("size", "must be at least 1");
        }
        if (position != null && position < 0) {
            throw InvalidInput.of("position", "must be a ledger position, 0 or more");
        }
        long at = position == null ? ledger.head().position() : position;
        return calibration.of(competitionId, roundId, at, size).orElseThrow(() -> new UnknownId("round", roundId));
    }
}
