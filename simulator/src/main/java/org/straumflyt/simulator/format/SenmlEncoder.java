package org.straumflyt.simulator.format;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.straumflyt.model.wire.Json;
import org.straumflyt.simulator.fleet.Snapshot;

/**
 * SenML (RFC 8428) JSON on {@code senml/<meterId>}: base name {@code <meterId>:}, base time in epoch seconds, the
 * register as {@code energy} in Wh and the power as {@code power} in W.
 */
final class SenmlEncoder implements PayloadEncoder {
    @Override
    public Message encode(Snapshot s) {
        ArrayNode pack = Json.mapper().createArrayNode();
        ObjectNode first = pack.addObject();
        first.put("bn", s.meter().meterId() + ":");
        first.put("bt", s.at().getEpochSecond());
        if (s.registerWh() != null) {
            first.put("n", "energy");
            first.put("u", "Wh");
            first.put("v", s.registerWh());
        }
        if (s.powerW() != null) {
            ObjectNode power = s.registerWh() == null ? first : pack.addObject();
            power.put("n", "power");
            power.put("u", "W");
            power.put("v", Math.round(s.powerW() * 10) / 10.0);
        }
        return new Message("senml/" + s.meter().meterId(), Json.toBytes(pack));
    }

    @Override
    public String topicFilter() {
        return "senml/#";
    }
}
