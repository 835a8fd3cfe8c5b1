package org.straumflyt.simulator.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.straumflyt.model.wire.Json;
import org.straumflyt.simulator.fleet.Snapshot;

/**
 * straumflyt's own JSON on {@code straumflyt/readings/<buildingId>/<meterId>}: an array with the register reading
 * (kWh) or, for an interval meter, the interval energy (kWh over {@code [intervalStart, timestamp)}), and, when
 * present, the power sample (kW).
 */
final class CanonicalEncoder implements PayloadEncoder {
    @Override
    public Message encode(Snapshot s) {
        ArrayNode array = Json.mapper().createArrayNode();
        if (s.registerWh() != null) {
            ObjectNode register = reading(s, "ENERGY_REGISTER");
            register.put("value", s.registerWh() / 1000.0);
            register.put("unit", "kWh");
            array.add(register);
        }
        if (s.intervalWh() != null) {
            ObjectNode interval = reading(s, "INTERVAL_ENERGY");
            interval.put("value", s.intervalWh() / 1000.0);
            interval.put("unit", "kWh");
            interval.put("intervalStart", s.intervalStart().toString());
            array.add(interval);
        }
        if (s.powerW() != null) {
            ObjectNode power = reading(s, "POWER");
            power.put("value", s.powerW() / 1000.0);
            power.put("unit", "kW");
            array.add(power);
        }
        return new Message("straumflyt/readings/" + s.meter().buildingId() + "/" + s.meter().meterId(),
                Json.toBytes(array));
    }

    private static ObjectNode reading(Snapshot s, String kind) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("meterId", s.meter().meterId());
        node.put("buildingId", s.meter().buildingId());
        node.put("register", "import");
        node.put("kind", kind);
        node.put("carrier", s.meter().carrier().wireName());
        node.put("timestamp", s.at().toString());
        return node;
    }

    @Override
    public String topicFilter() {
        return "straumflyt/readings/#";
    }
}
