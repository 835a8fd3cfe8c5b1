package org.straumflyt.simulator.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.straumflyt.model.wire.Json;
import org.straumflyt.simulator.fleet.Snapshot;

/**
 * An AMS HAN reader (amsreader firmware JSON) on {@code ams/<meterId>/json}: active import power {@code P} in W
 * every 10 s; the hourly message adds the cumulative import register {@code tPI} in kWh and the meter clock
 * {@code rtc} (epoch seconds, on the hour).
 */
final class AmsEncoder implements PayloadEncoder {
    @Override
    public Message encode(Snapshot s) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", "sim" + Integer.toHexString(s.meter().meterId().hashCode()));
        root.put("name", "ams-" + s.meter().buildingId());
        root.put("t", s.at().getEpochSecond());
        ObjectNode data = root.putObject("data");
        data.put("lv", "AIDON_V0001");
        data.put("id", s.meter().meterId());
        data.put("type", "6525");
        data.put("P", Math.round(s.powerW() == null ? 0 : s.powerW()));
        data.put("PO", 0);
        if (s.registerWh() != null) {
            data.put("tPI", s.registerWh() / 1000.0);
            data.put("tPO", 0.0);
            data.put("rtc", s.at().getEpochSecond());
        }
        return new Message("ams/" + s.meter().meterId() + "/json", Json.toBytes(root));
    }

    @Override
    public String topicFilter() {
        return "ams/+/json";
    }
}
