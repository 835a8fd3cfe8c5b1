package org.straumflyt.ingest.format.ams;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadFormat;
import org.straumflyt.model.Reading;

public final class AmsFormat implements PayloadFormat {
    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        throw InvalidPayload.unparseable("format not implemented yet");
    }
}
