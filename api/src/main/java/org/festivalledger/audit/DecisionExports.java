package org.festivalledger.audit;

import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.competition.AwardCategory;
import org.festivalledger.competition.CompetitionCatalogue;
import org.festivalledger.competition.CompetitionView;
import org.festivalledger.competition.Criterion;
import org.festivalledger.http.UnknownId;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.rules.InvalidInput;
import org.festivalledger.shortlist.OverrideAction;
import org.festivalledger.shortlist.ShortlistDrawn;
import org.festivalledger.shortlist.ShortlistOverride;
import org.festivalledger.standings.JudgingRecord;
import org.festivalledger.standings.StandingRow;
import org.festivalledger.standings.Standings;
import org.festivalledger.standings.StandingsService;
import org.festivalledger.standings.StandingsTimeTravel;
import org.festivalledger.standings.StandingsTimeTravel.PastJudging;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The auditor's exports as CSV (standings at any position, shortlists, awards) and the ledger as JSON Lines. Each is
 * served twice: under {@code /api/audit} for scripts (HTTP Basic) and under {@code /auditor} for the workspace's
 * links (the signed-in session); both paths answer from the same method.
 */
@RestController
class DecisionExports {

    private static final Duration MAX_WAIT = Duration.ofSeconds(5);

    private final StandingsService standings;
    private final StandingsTimeTravel timeTravel;
    private final CompetitionCatalogue catalogue;
    private final LedgerLog ledger;
    private final LedgerExportController ledgerExport;

    DecisionExports(StandingsService standings, StandingsTimeTravel timeTravel, CompetitionCatalogue catalogue,
                    LedgerLog ledger, LedgerExportController ledgerExport) {
        this.standings = standings;
        this.timeTravel = timeTravel;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.ledgerExport = ledgerExport;
    }

    /**
     * A round's standings as CSV, as the JSON standings give them: now, at {@code position}, or as of {@code asOf}.
     * One row per entry: rank, entry, title, score, scores counted, complete, then each criterion's mean mark.
     */
    @GetMapping(path = {"/api/audit/competitions/{competitionId}/rounds/{roundId}/standings.csv",
            "/auditor/competitions/{competitionId}/rounds/{roundId}/standings.csv"})
    ResponseEntity<String> standings(@PathVariable String competitionId, @PathVariable String roundId,
                                     @RequestParam(required = false) Long position,
                                     @RequestParam(required = false) String asOf) {
        Standings table = standingsAt(competitionId, roundId, position, asOf);
        List<String> criteria = catalogue.find(competitionId).map(CompetitionView::criteria)
                .map(list -> list.stream().map(Criterion::id).toList()).orElse(List.of());
        List<String> header = new ArrayList<>(List.of("rank", "submissionId", "title", "score", "scoresCount",
                "complete"));
        header.addAll(criteria);
        List<List<Object>> rows = new ArrayList<>();
        for (StandingRow row : table.rows()) {
            List<Object> cells = new ArrayList<>(List.of(row.rank(), SpreadsheetSafeCsv.text(row.submissionId()),
                    SpreadsheetSafeCsv.text(row.title())));
            cells.add(row.score() == null ? "" : row.score().toPlainString());
            cells.add(row.scoresCount());
            cells.add(row.complete());
            for (String criterion : criteria) {
                java.math.BigDecimal mark = row.perCriterion() == null ? null : row.perCriterion().get(criterion);
                cells.add(mark == null ? "" : mark.toPlainString());
            }
            rows.add(cells);
        }
        return csv(SpreadsheetSafeCsv.write(header, rows),
                "standings-" + competitionId + "-" + roundId + "-at-" + table.ledgerPosition() + ".csv",
                table.ledgerPosition());
    }

    /** Every shortlist decision, one row per entry it names: on the list in order, or taken off by an override. */
    @GetMapping(path = {"/api/audit/competitions/{competitionId}/shortlists.csv",
            "/auditor/competitions/{competitionId}/shortlists.csv"})
    ResponseEntity<String> shortlists(@PathVariable String competitionId) {
        PastJudging judging = judging(competitionId);
        List<List<Object>> rows = new ArrayList<>();
        for (JudgingRecord.Shortlist shortlist : judging.record().shortlists()) {
            ShortlistDrawn decision = shortlist.decision();
            Map<String, ShortlistOverride> overrides = decision.overrides().stream()
                    .collect(Collectors.toMap(ShortlistOverride::submissionId, Function.identity(), (a, b) -> b));
            int place = 0;
            for (String entry : decision.shortlist()) {
                rows.add(shortlistRow(judging, shortlist, ++place, entry, true, overrides.get(entry)));
            }
            for (ShortlistOverride override : decision.overrides()) {
                if (override.action() == OverrideAction.EXCLUDE && !decision.shortlist().contains(override.submissionId())) {
                    rows.add(shortlistRow(judging, shortlist, null, override.submissionId(), false, override));
                }
            }
        }
        return csv(SpreadsheetSafeCsv.write(List.of("roundId", "decisionPosition", "basedOnPosition", "size",
                "cutOffScore", "place", "submissionId", "title", "onShortlist", "override", "overrideReason",
                "rationale"), rows), "shortlists-" + competitionId + ".csv", judging.position());
    }

    private static List<Object> shortlistRow(PastJudging judging, JudgingRecord.Shortlist shortlist, Integer place,
                                             String entry, boolean on, ShortlistOverride override) {
        ShortlistDrawn decision = shortlist.decision();
        List<Object> cells = new ArrayList<>();
        cells.add(SpreadsheetSafeCsv.text(decision.roundId()));
        cells.add(shortlist.recordedAt());
        cells.add(decision.basedOnPosition());
        cells.add(decision.size());
        cells.add(decision.cutOffScore() == null ? "" : decision.cutOffScore().toPlainString());
        cells.add(place == null ? "" : place);
        cells.add(SpreadsheetSafeCsv.text(entry));
        cells.add(SpreadsheetSafeCsv.text(title(judging, entry)));
        cells.add(on);
        cells.add(override == null ? "" : override.action().name());
        cells.add(override == null ? "" : SpreadsheetSafeCsv.text(override.reason()));
        cells.add(SpreadsheetSafeCsv.text(decision.rationale()));
        return cells;
    }

    /** Every award conferred, revoked ones too (with why). */
    @GetMapping(path = {"/api/audit/competitions/{competitionId}/awards.csv",
            "/auditor/competitions/{competitionId}/awards.csv"})
    ResponseEntity<String> awards(@PathVariable String competitionId) {
        PastJudging judging = judging(competitionId);
        Map<String, String> categories = catalogue.find(competitionId).map(CompetitionView::awardCategories)
                .orElse(List.of()).stream().collect(Collectors.toMap(AwardCategory::id, AwardCategory::name, (a, b) -> a));
        List<List<Object>> rows = new ArrayList<>();
        for (JudgingRecord.Award award : judging.record().awards()) {
            var conferral = award.conferral();
            rows.add(List.of(SpreadsheetSafeCsv.text(conferral.awardId()),
                    SpreadsheetSafeCsv.text(conferral.categoryId()),
                    nullToEmpty(SpreadsheetSafeCsv.text(categories.get(conferral.categoryId()))),
                    SpreadsheetSafeCsv.text(conferral.submissionId()),
                    nullToEmpty(SpreadsheetSafeCsv.text(title(judging, conferral.submissionId()))),
                    nullToEmpty(SpreadsheetSafeCsv.text(conferral.citation())), award.recordedAt(),
                    conferral.basedOnPosition(), award.revoked(),
                    nullToEmpty(SpreadsheetSafeCsv.text(award.revocationReason()))));
        }
        return csv(SpreadsheetSafeCsv.write(List.of("awardId", "categoryId", "category", "submissionId", "title",
                "citation", "decisionPosition", "basedOnPosition", "revoked", "revocationReason"), rows),
                "awards-" + competitionId + ".csv", judging.position());
    }

    /** The ledger export for the workspace's session (the API's {@code /api/audit/export}, same bytes). */
    @GetMapping("/auditor/ledger.jsonl")
    void ledger(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                HttpServletResponse response) throws IOException {
        ledgerExport.export(from, to, response);
    }

    /** The standings asked for: {@code position} or {@code asOf} for the past (not both), otherwise now. */
    Standings standingsAt(String competitionId, String roundId, Long position, String asOf) {
        if (asOf != null && position != null) {
            throw InvalidInput.of("asOf", "give asOf or position, not both");
        }
        if (position != null) {
            if (position < 0) {
                throw InvalidInput.of("position", "must be 0 or more");
            }
            return timeTravel.at(competitionId, roundId, position)
                    .orElseThrow(() -> new UnknownId("round", roundId + " at position " + position));
        }
        if (asOf != null) {
            Instant instant;
            try {
                instant = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("asOf", "must be an ISO-8601 instant such as 2026-04-20T10:00:00Z");
            }
            return timeTravel.asOf(competitionId, roundId, instant).orElseThrow(() -> new UnknownId("round", roundId));
        }
        return standings.current(competitionId, roundId, 0, MAX_WAIT).orElseThrow(() -> new UnknownId("round", roundId));
    }

    private PastJudging judging(String competitionId) {
        if (catalogue.find(competitionId).isEmpty()) {
            throw new UnknownId("competition", competitionId);
        }
        return timeTravel.replay(competitionId, ledger.head().position());
    }

    private static String title(PastJudging judging, String entry) {
        return judging.entryFacts().find(entry).map(info -> info.title()).orElse(null);
    }

    private static Object nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static ResponseEntity<String> csv(String body, String filename, long position) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, SpreadsheetSafeCsv.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .header("Ledger-Position", Long.toString(position))
                .body(body);
    }
}
