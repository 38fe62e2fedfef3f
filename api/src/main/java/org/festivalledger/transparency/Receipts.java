package org.festivalledger.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.festivalledger.http.UnknownId;
import org.festivalledger.identity.Actor;
import org.festivalledger.identity.JurorIdentity;
import org.festivalledger.identity.Role;
import org.festivalledger.ledger.StoredEvent;
import org.festivalledger.transparency.ProofAnswers.ReceiptAnswer;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Receipts: proof that the ledger holds an event, to keep and check offline. An auditor may have any; anyone else
 * only the receipts of events they caused (the actor and role in the event's metadata; a juror's only in their own
 * competition, since juror ids repeat across competitions; an entrant's by their pseudonymous id). The API and the
 * entrant's pages both ask here.
 */
@Component
public class Receipts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TransparencyLog log;

    Receipts(TransparencyLog log) {
        this.log = log;
    }

    /** The receipt of the event at {@code position}, if the caller may have it. */
    public ReceiptAnswer of(long position, Authentication authentication) {
        StoredEvent event = log.event(position)
                .orElseThrow(() -> new UnknownId("event at position", Long.toString(position)));
        if (!mayHave(Actor.of(authentication), authentication.getPrincipal(), event)) {
            throw new AccessDeniedException("a receipt is for the event's actor or an auditor");
        }
        return ReceiptAnswer.of(log.receipt(event));
    }

    /** The key a receipt is verified with offline ({@code verify-receipt --key}). */
    public String verifierKey() {
        return log.verifierKey().toString();
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
