package org.festivalledger.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.http.UnknownId;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.identity.Actor;
import org.festivalledger.identity.JurorIdentity;
import org.festivalledger.identity.Role;
import org.festivalledger.transparency.ProofAnswers.ReceiptAnswer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receipts: proof that the ledger holds an event, to keep and check offline. An auditor may fetch any; anyone else
 * only the receipts of events they caused (the actor and role in the event's metadata; a juror's only in their own
 * competition, since juror ids repeat across competitions).
 */
@RestController
class ReceiptController {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TransparencyLog log;

    ReceiptController(TransparencyLog log) {
        this.log = log;
    }

    @GetMapping("/api/receipts/{position}")
    ReceiptAnswer receipt(@PathVariable long position, Authentication authentication) {
        StoredEvent event = log.event(position)
                .orElseThrow(() -> new UnknownId("event at position", Long.toString(position)));
        if (!mayHave(Actor.of(authentication), authentication.getPrincipal(), event)) {
            throw new AccessDeniedException("a receipt is for the event's actor or an auditor");
        }
        return ReceiptAnswer.of(log.receipt(event));
    }

    private static boolean mayHave(Actor caller, Object principal, StoredEvent event) {
        if (caller.role() == Role.AUDITOR) {
            return true;
        }
        JsonNode metadata;
        try {
            metadata = JSON.readTree(event.metadata() == null ? "{}" : event.metadata());
        } catch (Exception e) {
            return false;
        }
        boolean sameActor = caller.name().equals(metadata.path("actor").asText(null))
                && caller.role().name().equals(metadata.path("role").asText(null));
        if (!sameActor) {
            return false;
        }
        return !(principal instanceof JurorIdentity juror)
                || event.aggregateId() != null && event.aggregateId().startsWith(juror.competitionId() + "/");
    }
}
