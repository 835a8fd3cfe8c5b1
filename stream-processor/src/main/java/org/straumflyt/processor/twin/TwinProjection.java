package org.straumflyt.processor.twin;

import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingTwin;

/** The twin record of a registered building: its registry entry and its remembered KPIs. */
public final class TwinProjection {
    private TwinProjection() {
    }

    /** The record, revision 0. Before any hour arrives, the quality says no meter has reported. */
    public static BuildingTwin of(Building building, TwinState state) {
        boolean hasHour = state.currentHour() != null;
        return new BuildingTwin(building.buildingId(), building.name(), building.municipality(), building.category(),
                building.location(), building.heatedAreaM2(), building.timeZone(), state.liveKw(),
                state.currentHour(), state.today(), state.lastCompleteHour(), state.coverage(),
                state.metersReporting(), hasHour ? state.metersExpected() : building.meters().size(), state.flags(),
                state.lastSeen(), 0);
    }
}
