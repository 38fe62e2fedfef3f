package org.festivalledger.shortlist;

import org.festivalledger.http.CommandDispatch;
import org.festivalledger.http.CommandDispatch.Recorded;
import org.festivalledger.http.LedgerPositionHeader;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.http.UnknownId;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.standings.JudgingBoard;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.StandingsTimeTravel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Shortlists. The organiser asks for the top N of a closed round; {@link ShortlistDrawing} computes the
 * standings from the ledger up to its head, and the judging decides (cut-off, ties, overrides) and records the
 * decision with that position. Nothing the client sends can change the ranking itself.
 */
@RestController
@RequestMapping("/api/competitions/{competitionId}/rounds/{roundId}/shortlist")
class ShortlistController {

    private static final Duration CATCH_UP = Duration.ofSeconds(10);

    private final CommandDispatch dispatch;
    private final ShortlistDrawing drawing;
    private final StandingsTimeTravel timeTravel;
    private final JudgingBoard board;
    private final ProjectionProgress progress;

    ShortlistController(CommandDispatch dispatch, ShortlistDrawing drawing, StandingsTimeTravel timeTravel,
                        JudgingBoard board, ProjectionProgress progress) {
        this.dispatch = dispatch;
        this.drawing = drawing;
        this.timeTravel = timeTravel;
        this.board = board;
        this.progress = progress;
    }

    record ShortlistRequest(Integer size, List<ShortlistOverride> overrides, String rationale) {
    }

    /** A shortlist as recorded: what the standings gave, every override, and the entries that go through. */
    record ShortlistResponse(String competitionId, String roundId, long basedOnPosition, int size,
                             List<RankedEntry> ranked, BigDecimal cutOffScore, List<ShortlistOverride> overrides,
                             List<String> shortlist, String rationale, long ledgerPosition) {

        static ShortlistResponse of(ShortlistDrawn drawn, long ledgerPosition) {
            return new ShortlistResponse(drawn.competitionId(), drawn.roundId(), drawn.basedOnPosition(),
                    drawn.size(), drawn.ranked(), drawn.cutOffScore(), drawn.overrides(), drawn.shortlist(),
                    drawn.rationale(), ledgerPosition);
        }
    }

    @PostMapping
    ResponseEntity<ShortlistResponse> draw(@PathVariable String competitionId, @PathVariable String roundId,
                                           @RequestBody ShortlistRequest request) {
        if (request.size() == null) {
            throw InvalidInput.of("size", "is required: how many entries the shortlist takes");
        }
        Recorded recorded = drawing.draw(competitionId, roundId, request.size(), request.overrides(),
                request.rationale());
        ShortlistDrawn drawn = recordedDecision(competitionId, roundId, recorded.position());
        return ResponseEntity.created(URI.create("/api/competitions/" + competitionId + "/rounds/" + roundId
                        + "/shortlist"))
                .header(LedgerPositionHeader.NAME, Long.toString(recorded.position()))
                .body(ShortlistResponse.of(drawn, recorded.position()));
    }

    /** The decision as the judging recorded it, from the board once it has caught up, else from the ledger. */
    private ShortlistDrawn recordedDecision(String competitionId, String roundId, long position) {
        if (progress.awaitPosition(position, CATCH_UP)) {
            var recorded = board.read(competitionId, record -> record.shortlistOf(roundId).orElse(null));
            if (recorded.isPresent()) {
                return recorded.get().decision();
            }
        }
        return timeTravel.replay(competitionId, position).record().shortlistOf(roundId).orElseThrow().decision();
    }

    @GetMapping
    ShortlistResponse shortlist(@PathVariable String competitionId, @PathVariable String roundId) {
        JudgingRecord.Shortlist shortlist = board.read(competitionId, record -> record.shortlistOf(roundId).orElse(null))
                .orElseThrow(() -> new UnknownId("shortlist of round", roundId));
        return ShortlistResponse.of(shortlist.decision(), shortlist.recordedAt());
    }
}
