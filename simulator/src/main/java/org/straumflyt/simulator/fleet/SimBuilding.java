package org.straumflyt.simulator.fleet;

import java.util.List;
import org.straumflyt.model.Building;

/** A simulated building: its registry record and its meters. */
public record SimBuilding(Building building, List<SimMeter> meters) {
    public SimBuilding {
        meters = List.copyOf(meters);
    }
}
