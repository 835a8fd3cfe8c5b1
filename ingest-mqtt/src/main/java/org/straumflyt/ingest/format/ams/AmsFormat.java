package org.straumflyt.ingest.format.ams;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.ingest.format.FormatSupport;
import org.straumflyt.ingest.format.InvalidPayload;
import org.straumflyt.ingest.format.MessageContext;
import org.straumflyt.ingest.format.PayloadJson;
import org.straumflyt.ingest.format.ReadingFormat;
import org.straumflyt.model.Reading;
import org.straumflyt.model.ReadingKind;
import org.straumflyt.model.Registers;

/**
 * JSON of AMS HAN port readers (amsreader / AmsToMqttBridge firmware): {@code {"id","t",...,"data":{...}}}.
 * <ul>
 *   <li>{@code data.P} / {@code data.PO}: active import / export power in W → {@code POWER} import / export, kW,
 *       at {@code t} (the reader's clock, epoch s);</li>
 *   <li>{@code data.tPI} / {@code data.tPO}: cumulative active import / export in kWh (only in the hourly message)
 *       → {@code ENERGY_REGISTER} import / export at {@code data.rtc} (the meter's clock, epoch s), else {@code t};
 *   </li>
 *   <li>reactive values (Q, QO, tQI, tQO), currents and voltages are not energy and are left out.</li>
 * </ul>
 * A reader that has no time yet sends {@code t} 0: the arrival time is used then, unless the message is a redelivery
 * after a reconnect (then it is a dead letter {@code UNTIMED_REPLAY}). Meter id: the topic's, else the
 * reader's {@code id}.
 */
public final class AmsFormat implements ReadingFormat {

    @Override
    public List<Reading> decode(JsonNode payload, MessageContext context) throws InvalidPayload {
        if (!payload.isObject()) {
            throw InvalidPayload.unparseable("expected an amsreader JSON object, got " + payload.getNodeType());
        }
        JsonNode data = payload.get("data");
        if (data == null || !data.isObject()) {
            throw InvalidPayload.unparseable("no 'data' object: not an amsreader JSON message");
        }
        String meterId = FormatSupport.meterId(context, PayloadJson.optionalText(payload, "id"), "reader 'id'");
        Instant readerTime = FormatSupport.optionalEpochSeconds(payload, "t");
        Instant meterTime = FormatSupport.optionalEpochSeconds(data, "rtc");
        Double importW = watts(data, "P");
        Double exportW = watts(data, "PO");
        Double importKwh = PayloadJson.optionalNumber(data, "tPI");
        Double exportKwh = PayloadJson.optionalNumber(data, "tPO");
        boolean needsReaderTime = importW != null || exportW != null
                || (meterTime == null && (importKwh != null || exportKwh != null));
        Instant sampled = readerTime != null || !needsReaderTime ? readerTime
                : context.arrivalAsTimestamp("an amsreader message with 't' 0");
        Instant registered = meterTime != null ? meterTime : sampled;

        List<Reading> readings = new ArrayList<>(4);
        add(readings, context, meterId, Registers.IMPORT, ReadingKind.POWER, importW, sampled);
        add(readings, context, meterId, Registers.EXPORT, ReadingKind.POWER, exportW, sampled);
        add(readings, context, meterId, Registers.IMPORT, ReadingKind.ENERGY_REGISTER, importKwh, registered);
        add(readings, context, meterId, Registers.EXPORT, ReadingKind.ENERGY_REGISTER, exportKwh, registered);
        return readings;
    }

    private static Double watts(JsonNode data, String field) throws InvalidPayload {
        Double w = PayloadJson.optionalNumber(data, field);
        return w == null ? null : w / 1000.0;
    }

    private static void add(List<Reading> readings, MessageContext context, String meterId, String register,
            ReadingKind kind, Double value, Instant at) {
        if (value != null) {
            readings.add(FormatSupport.reading(context, meterId, register, kind, value, at));
        }
    }
}
