package org.festivalledger.standings;

import org.festivalledger.http.UnknownId;
import org.festivalledger.rules.InvalidInput;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.festivalledger.http.ProjectionProgress;
import org.festivalledger.ledger.LedgerLog;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** A round's standings: live from memory, as of a past position or instant, and pushed as they change. */
@RestController
@RequestMapping("/api/competitions/{competitionId}/rounds/{roundId}/standings")
class StandingsController {

    private static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long STREAM_TIMEOUT_MS = Duration.ofHours(12).toMillis();

    private final StandingsService standings;
    private final StandingsTimeTravel timeTravel;
    private final ProjectionProgress progress;
    private final LedgerLog ledger;
    private final ObjectMapper json;
    private final Map<String, Serialised> serialised = new ConcurrentHashMap<>();
    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

    StandingsController(StandingsService standings, StandingsTimeTravel timeTravel, ObjectMapper json,
                        ProjectionProgress progress, LedgerLog ledger) {
        this.progress = progress;
        this.ledger = ledger;
        this.standings = standings;
        this.timeTravel = timeTravel;
        this.json = json;
    }

    @GetMapping(params = "asOf")
    Standings standings(@PathVariable String competitionId, @PathVariable String roundId,
                        @RequestParam(required = false) String asOf,
                        @RequestParam(required = false) Long position,
                        @RequestParam(required = false, defaultValue = "0") long minPosition) {
        if (asOf != null && position != null) {
            throw InvalidInput.of("asOf", "give asOf or position, not both");
        }
        if (position != null) {
            if (position < 0) {
                throw InvalidInput.of("position", "must be 0 or more");
            }
            return timeTravel.at(competitionId, roundId, position).orElseThrow(() -> unknown(roundId, position));
        }
        if (asOf != null) {
            Instant instant;
            try {
                instant = Instant.parse(asOf);
            } catch (DateTimeParseException e) {
                throw InvalidInput.of("asOf", "must be an ISO-8601 instant such as 2026-04-20T10:00:00Z");
            }
            return timeTravel.asOf(competitionId, roundId, instant).orElseThrow(() -> unknown(roundId, null));
        }
        return standings.current(competitionId, roundId, minPosition, MAX_WAIT)
                .orElseThrow(() -> new UnknownId("round", roundId));
    }

    /**
     * The live standings as JSON, serialised once per recomputation and shared by every reader: at
     * festival scale the rows are megabytes, and writing them anew for each of many readers would cost
     * far more than computing them. {@code top} returns only the first rows (a dashboard's view).
     */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE, params = "!asOf")
    ResponseEntity<byte[]> live(@PathVariable String competitionId, @PathVariable String roundId,
                                @RequestParam(required = false) Long position,
                                @RequestParam(required = false, defaultValue = "0") long minPosition,
                                @RequestParam(required = false) Integer top) throws IOException {
        if (position != null) {
            return ResponseEntity.ok(json.writeValueAsBytes(standings(competitionId, roundId, null, position,
                    minPosition)));
        }
        Standings current = standings(competitionId, roundId, null, null, minPosition);
        if (top != null) {
            if (top < 1) {
                throw InvalidInput.of("top", "must be 1 or more");
            }
        }
        Serialised cached = serialised.get(competitionId + "/" + roundId);
        if (cached == null || cached.standings() != current) {
            cached = new Serialised(current, new ConcurrentHashMap<>());
            serialised.put(competitionId + "/" + roundId, cached);
        }
        // The full table and each top-N page are written once per change, then shared by every reader.
        int rows = top == null ? Integer.MAX_VALUE : Math.min(top, current.rows().size());
        byte[] page = cached.pages().get(rows);
        if (page == null) {
            page = json.writeValueAsBytes(current.top(rows));
            if (cached.pages().size() < MAX_PAGES_KEPT) {
                cached.pages().put(rows, page);
            }
        }
        return ResponseEntity.ok(page);
    }

    /** Distinct page sizes kept per change: dashboards ask for a few; a client inventing sizes is not kept. */
    private static final int MAX_PAGES_KEPT = 16;

    private record Serialised(Standings standings, Map<Integer, byte[]> pages) {
    }

    private static UnknownId unknown(String roundId, Long position) {
        return new UnknownId("round", roundId + (position == null ? "" : " at position " + position));
    }

    /**
     * Server-Sent Events: the standings now, then again after every change ({@code top} limits the rows
     * sent, for a dashboard at festival scale).
     */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@PathVariable String competitionId, @PathVariable String roundId,
                      @RequestParam(required = false, defaultValue = "2147483647") int top) {
        // A round opened a moment ago may not be on the board yet: let it reach the head before saying "unknown".
        Standings now = standings.current(competitionId, roundId, 0, MAX_WAIT)
                .or(() -> progress.awaitPosition(ledger.head().position(), MAX_WAIT)
                        ? standings.current(competitionId, roundId, 0, MAX_WAIT) : Optional.empty())
                .orElseThrow(() -> new UnknownId("round", roundId));
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT_MS);
        open.add(emitter);
        emitter.onCompletion(() -> open.remove(emitter));
        Consumer<Standings> push = update -> {
            if (update.competitionId().equals(competitionId) && update.roundId().equals(roundId)) {
                send(emitter, update.top(Math.max(1, top)));
            }
        };
        standings.onUpdate(push);
        emitter.onCompletion(() -> standings.removeListener(push));
        emitter.onTimeout(() -> standings.removeListener(push));
        emitter.onError(error -> standings.removeListener(push));
        send(emitter, now.top(Math.max(1, top)));
        return emitter;
    }

    /**
     * Ends every open stream when the application stops: a graceful shutdown waits for requests in
     * flight, and a live stream would otherwise hold it up until the shutdown timeout.
     */
    @EventListener(ContextClosedEvent.class)
    void closeStreams() {
        open.forEach(SseEmitter::complete);
        open.clear();
    }

    private static void send(SseEmitter emitter, Standings standings) {
        try {
            emitter.send(SseEmitter.event().name("standings").id(Long.toString(standings.ledgerPosition()))
                    .data(standings, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            emitter.completeWithError(gone);
        }
    }
}
