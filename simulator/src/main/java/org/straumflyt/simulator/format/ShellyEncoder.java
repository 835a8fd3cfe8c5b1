package org.straumflyt.simulator.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.straumflyt.model.wire.Json;
import org.straumflyt.simulator.fleet.Snapshot;

/**
 * A Shelly Gen2 switch status on {@code shelly/<meterId>/status/switch:0}: {@code apower} W and
 * {@code aenergy.total} Wh, with {@code aenergy.minute_ts} (epoch seconds) as the time of the counter.
 */
final class ShellyEncoder implements PayloadEncoder {
    @Override
    public Message encode(Snapshot s) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("id", 0);
        root.put("source", "timer");
        root.put("output", true);
        root.put("apower", s.powerW() == null ? 0.0 : Math.round(s.powerW() * 10) / 10.0);
        root.put("voltage", 230.1);
        ObjectNode energy = root.putObject("aenergy");
        energy.put("total", s.registerWh() == null ? 0.0 : (double) s.registerWh());
        energy.putArray("by_minute").add(0.0).add(0.0).add(0.0);
        energy.put("minute_ts", s.at().getEpochSecond());
        root.putObject("temperature").put("tC", 41.3);
        return new Message("shelly/" + s.meter().meterId() + "/status/switch:0", Json.toBytes(root));
    }

    @Override
    public String topicFilter() {
        return "shelly/+/status/#";
    }
}
