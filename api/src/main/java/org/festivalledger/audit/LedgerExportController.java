package org.festivalledger.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServletResponse;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.rules.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The whole ledger for an auditor to take away: JSON Lines ({@link LedgerLines}), one event per line with its
 * position and both links of the hash chain, for {@code java -jar festival-ledger.jar verify} to re-check offline.
 */
@RestController
@RequestMapping("/api/audit")
class LedgerExportController {

    /**
     * Commits per range read. The embedded store materialises a range read whole before answering (and scans
     * from the first position to reach it), so this bounds the memory of an export, a verification and the
     * store's reply to them; measured in docs/benchmarks.md.
     */
    static final int CHUNK = 2_048;
    private static final int BUFFER_BYTES = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(LedgerExportController.class);

    private final LedgerLog ledger;

    LedgerExportController(LedgerLog ledger) {
        this.ledger = ledger;
    }

    /**
     * Streams positions {@code from} to {@code to} (default: the whole log as it stands when the request
     * arrives). Written straight to the response while it is read, so memory does not grow with the log, and
     * synchronously, so no asynchronous request timeout cuts a long export short.
     */
    @GetMapping("/export")
    void export(@RequestParam(required = false) Long from, @RequestParam(required = false) Long to,
                HttpServletResponse response) throws IOException {
        long first = from == null ? 1 : from;
        if (first < 1) {
            throw InvalidInput.of("from", "must be a ledger position, 1 or more");
        }
        if (to != null && to < first) {
            throw InvalidInput.of("to", "must not be before from");
        }
        // An export is a snapshot: it ends at the head as it is now, even if events are recorded meanwhile.
        long last = Math.min(to == null ? Long.MAX_VALUE : to, ledger.head().position());
        long written = 0;
        try (Stream<StoredEvent> events = ledger.readFrom(first, CHUNK)) {
            Iterator<StoredEvent> iterator = events.iterator();
            // The first read happens before anything is answered, so a store that fails answers as a problem.
            boolean any = last >= first && iterator.hasNext();
            response.setContentType(LedgerLines.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"ledger-" + first + "-" + last + ".jsonl\"");
            try (OutputStream out = new BufferedOutputStream(response.getOutputStream(), BUFFER_BYTES);
                 JsonGenerator json = LedgerLines.generator(out)) {
                while (any && iterator.hasNext()) {
                    StoredEvent event = iterator.next();
                    if (event.position() > last) {
                        break;
                    }
                    LedgerLines.write(event, json);
                    written++;
                }
            } catch (IOException e) {
                // The auditor's client went away: nothing to answer, and nothing went wrong here.
                log.debug("Export cut short by the client after {} events: {}", written, e.toString());
            }
        }
    }
}
