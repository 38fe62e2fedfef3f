package org.festivalledger.http;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.festivalledger.ledger.AppendReceipt;
import org.festivalledger.ledger.LedgerEventStorageEngine;
import org.festivalledger.ledger.LedgerLog;
import org.festivalledger.identity.Actor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Sends a command on behalf of the signed-in actor with the metadata every event must carry (actor,
 * role, reason, correlation id, idempotency key) and reports where on the ledger it was recorded.
 */
@Component
public class CommandDispatch {

    /** The client's optional header naming a correlation id to carry through to every event. */
    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    public static final String REASON_HEADER = "X-Reason";
    private static final int MAX_HEADER_TEXT = 2000;

    private final CommandGateway commands;
    private final LedgerLog ledger;

    CommandDispatch(CommandGateway commands, LedgerLog ledger) {
        this.commands = commands;
        this.ledger = ledger;
    }

    /** What a command left on the ledger. */
    public record Recorded(long position, Object result) {
    }

    /**
     * Sends {@code command} and waits for it to be recorded.
     *
     * @param reason the domain reason for the command, if it has one (else the {@code X-Reason} header)
     */
    public Recorded send(Object command, String reason) {
        return send(command, reason, Actor.of(SecurityContextHolder.getContext().getAuthentication()));
    }

    /** Sends {@code command} for an actor named explicitly (the demo loader, which has no request). */
    public Recorded send(Object command, String reason, Actor actor) {
        HttpServletRequest request = currentRequest();
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("actor", actor.name());
        metadata.put("role", actor.role().name());
        metadata.put("correlationId", correlationId(request));
        String effectiveReason = reason != null && !reason.isBlank() ? reason : header(request, REASON_HEADER);
        if (effectiveReason != null) {
            metadata.put("reason", effectiveReason);
        }
        Object idempotencyKey = request == null ? null : request.getAttribute(IdempotencyFilter.KEY_ATTRIBUTE);
        if (idempotencyKey != null) {
            metadata.put("idempotencyKey", idempotencyKey.toString());
            // Scoped to the account: two clients may pick the same key without colliding.
            metadata.put(LedgerEventStorageEngine.UNIQUE_KEY_METADATA,
                    request.getAttribute(IdempotencyFilter.SCOPED_KEY_ATTRIBUTE).toString());
        }
        AppendReceipt.clear();
        Object result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metadata));
        Long position = AppendReceipt.lastPosition();
        // Acknowledged ⇒ durable: the append was applied under the aggregate's lock, its commit is shared with
        // every other append made meanwhile (group commit), and no answer leaves before it is in the file.
        ledger.awaitDurable();
        return new Recorded(position != null ? position : ledger.head().position(), result);
    }

    private static String correlationId(HttpServletRequest request) {
        String supplied = header(request, CORRELATION_HEADER);
        return supplied != null ? supplied : UUID.randomUUID().toString();
    }

    private static String header(HttpServletRequest request, String name) {
        if (request == null) {
            return null;
        }
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.length() > MAX_HEADER_TEXT ? value.substring(0, MAX_HEADER_TEXT) : value.strip();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }
}
