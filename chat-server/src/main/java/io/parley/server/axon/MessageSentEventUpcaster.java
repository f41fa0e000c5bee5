package io.parley.server.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads {@code MessageSentEvent} revision 1 ({@code attachmentIds}) as revision 2 ({@code attachments} with
 * metadata). Revision 1 never checked its ids against uploads, so there is no file to describe: each id reads
 * as a file of unknown type ({@code application/octet-stream}, size 0) named by its id.
 */
@Component
@Order(0)
class MessageSentEventUpcaster extends SingleEventUpcaster {
    private static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType("io.parley.shared.event.MessageSentEvent", "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(
                new SimpleSerializedType(REVISION_1.getName(), "2"), JsonNode.class, payload -> {
                    ObjectNode event = (ObjectNode) payload;
                    ArrayNode attachments = event.putArray("attachments");
                    for (JsonNode id : event.path("attachmentIds")) {
                        attachments.addObject().put("id", id.asText()).put("name", id.asText())
                                .put("contentType", "application/octet-stream").put("size", 0);
                    }
                    event.remove("attachmentIds");
                    return event;
                });
    }
}
