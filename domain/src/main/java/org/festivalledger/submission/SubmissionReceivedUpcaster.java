package org.festivalledger.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a revision-1 {@link SubmissionReceived} as revision 2: it was recorded by an organiser, so it has no entrant
 * ({@code "entrantId": null}). The stored event is never rewritten: its bytes, and so the ledger's hash chain and
 * every receipt, stay as they are; only what readers see is upcast.
 */
public final class SubmissionReceivedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = SubmissionReceived.class.getName();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPE.equals(representation.getType().getName()) && "1".equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class,
                SubmissionReceivedUpcaster::revision1To2);
    }

    /** The one change from revision 1 to 2, for every reader of stored payloads (the verifier's too). */
    public static JsonNode revision1To2(JsonNode revision1) {
        if (revision1 instanceof ObjectNode object && !object.has("entrantId")) {
            ObjectNode copy = object.deepCopy();
            copy.putNull("entrantId");
            return copy;
        }
        return revision1;
    }
}
