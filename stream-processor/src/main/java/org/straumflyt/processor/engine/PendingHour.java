package org.straumflyt.processor.engine;

import java.time.Instant;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterHour;
import org.straumflyt.model.Resolution;
import org.straumflyt.processor.series.HourValue;

/**
 * A recomputed hour of a meter-register waiting in the pending store for the next emission, with the carrier and
 * building the meter was attributed to when it was computed.
 */
public record PendingHour(String meterId, String register, Carrier carrier, String buildingId, HourValue value) {

    /** The record that goes downstream (revision 0 until it is stamped), its coverage a share of a bucket. */
    MeterHour toMeterHour(Resolution resolution) {
        return new MeterHour(meterId, register, carrier, buildingId, Instant.ofEpochMilli(value.hourStart()),
                value.energyKwh(), value.peakKw(), value.coverage(resolution), value.source(), value.flags(), 0);
    }

    PendingHour attributedTo(Carrier newCarrier, String newBuildingId) {
        return new PendingHour(meterId, register, newCarrier, newBuildingId, value);
    }
}
