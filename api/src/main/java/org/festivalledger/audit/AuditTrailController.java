package org.festivalledger.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.festivalledger.audit.TrailReading.History;
import org.festivalledger.audit.TrailReading.TrailPage;
import org.festivalledger.http.UnknownId;
import org.festivalledger.rules.InvalidInput;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The audit trail: every event in global order with who, why and a plain description, filtered by entity,
 * actor, event type and time; and the history of one entity showing what each revision changed.
 */
@RestController
@RequestMapping("/api/audit")
class AuditTrailController {

    private static final int MAX_LIMIT = 1000;

    private final TrailReading trail;

    AuditTrailController(TrailReading trail) {
        this.trail = trail;
    }

    @GetMapping("/events")
    TrailPage events(@RequestParam(defaultValue = "1") long from, @RequestParam(defaultValue = "100") int limit,
                     @RequestParam(required = false) String entity, @RequestParam(required = false) String actor,
                     @RequestParam(required = false) String type, @RequestParam(required = false) Instant since,
                     @RequestParam(required = false) Instant until) {
        if (from < 1) {
            throw InvalidInput.of("from", "must be a ledger position, 1 or more");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return trail.page(from, limit, new TrailReading.Filter(entity, actor, type, since, until));
    }

    /**
     * Every event of one entity, oldest first, each revision with what it changed. Aggregate ids may hold
     * a slash ({@code <competition>/judging}), hence the wildcard path.
     */
    @GetMapping("/entities/**")
    History history(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = "/api/audit/entities/";
        if (!path.endsWith("/history") || path.length() <= prefix.length() + "/history".length()) {
            throw new UnknownId("audit resource", path);
        }
        String entity = URLDecoder.decode(path.substring(prefix.length(), path.length() - "/history".length()),
                StandardCharsets.UTF_8);
        return trail.history(entity);
    }
}
