package org.straumflyt.dashboard.view;

import java.time.Instant;
import java.util.List;

/**
 * One message of the live feed: the running hour of every building that has it.
 *
 * @param hourStart UTC start of the running hour
 * @param buildings per building, its running hour
 */
public record LiveHour(Instant hourStart, List<Building> buildings) {

    /**
     * @param id       building id
     * @param kwh      energy so far
     * @param liveKw   mean power over the measured part of the hour, or {@code null}
     * @param coverage coverage so far
     */
    public record Building(String id, double kwh, Double liveKw, double coverage) {
    }
}
