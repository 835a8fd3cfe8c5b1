package org.straumflyt.dashboard.store;

import java.time.Instant;
import java.util.List;

/**
 * One building-hour as the publisher wrote it (measurement {@code building_hourly}, docs/INFLUXDB.md).
 *
 * @param buildingId      building id
 * @param municipality    municipality number, or {@code null}
 * @param category        category wire name, or {@code null}
 * @param hourStart       UTC start of the hour
 * @param importKwh       energy used, all carriers, kWh
 * @param kwhPerM2        import per m² heated area, or {@code null} when the area is unknown
 * @param peakKw          highest power sample of any meter, or {@code null}
 * @param metersReporting meters with data in the hour
 * @param metersExpected  meters the registry lists
 * @param coverage        mean coverage of the reporting meters, 0..1
 * @param flags           quality flags, lower case
 */
public record HourRow(String buildingId, String municipality, String category, Instant hourStart, double importKwh,
        Double kwhPerM2, Double peakKw, int metersReporting, int metersExpected, double coverage,
        List<String> flags) {
    public HourRow {
        flags = List.copyOf(flags);
    }
}
