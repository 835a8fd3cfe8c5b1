package org.straumflyt.model;

import java.time.Instant;

/** Key of {@code kpi.meter-hourly}: one register of one meter in one UTC hour. */
public record MeterHourKey(String meterId, String register, Instant hourStart) {
}
