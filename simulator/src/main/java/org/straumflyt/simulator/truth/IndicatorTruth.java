package org.straumflyt.simulator.truth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.straumflyt.model.Building;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;

/**
 * The U4SSC indicators of a simulated municipality that follow from its registry alone, counted here from the fleet
 * (not through the processor's classes): EC:ICT:ES:1C, the smart electricity meters in %, and EC:I:B:2A, the buildings
 * with integrated building management in %. They hold for every portfolio record of the municipality, whatever its
 * period, as long as the registry does not change.
 *
 * @param municipality           municipality number
 * @param buildings              buildings in the registry
 * @param electricityMeters      their electricity meters
 * @param smartElectricityMeters of those, the smart ones
 * @param integratedBuildings    buildings with integrated building management
 */
public record IndicatorTruth(String municipality, int buildings, int electricityMeters, int smartElectricityMeters,
        int integratedBuildings) {
    static final String FILE = "indicators.csv";
    private static final String HEADER = "municipality,buildings,electricity_meters,smart_electricity_meters,"
            + "smart_meter_percent,integrated_buildings,integrated_building_percent";

    /** Counts the registry entries of one municipality. */
    public static IndicatorTruth of(String municipality, List<Building> registry) {
        int buildings = 0;
        int electricity = 0;
        int smart = 0;
        int integrated = 0;
        for (Building b : registry) {
            if (!municipality.equals(b.municipality())) {
                continue;
            }
            buildings++;
            integrated += b.integratedBuildingManagement() ? 1 : 0;
            for (MeterSpec m : b.meters()) {
                // metering points only: sub-meters behind a main meter are not counted
                if (m.carrier() == Carrier.ELECTRICITY && m.meterRole() == MeterRole.MAIN) {
                    electricity++;
                    smart += m.smartMeter() ? 1 : 0;
                }
            }
        }
        return new IndicatorTruth(municipality, buildings, electricity, smart, integrated);
    }

    /** EC:ICT:ES:1C, %. */
    public double smartMeterPercent() {
        return 100.0 * smartElectricityMeters / electricityMeters;
    }

    /** EC:I:B:2A, %. */
    public double integratedBuildingPercent() {
        return 100.0 * integratedBuildings / buildings;
    }

    /** Writes {@code indicators.csv} into {@code directory}. */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(FILE), HEADER + "\n" + municipality + "," + buildings + ","
                + electricityMeters + "," + smartElectricityMeters + "," + smartMeterPercent() + ","
                + integratedBuildings + "," + integratedBuildingPercent() + "\n", StandardCharsets.UTF_8);
    }

    /** Reads what {@link #write} wrote. */
    public static IndicatorTruth read(Path directory) throws IOException {
        List<String> lines = Files.readAllLines(directory.resolve(FILE), StandardCharsets.UTF_8);
        String[] f = lines.get(1).split(",");
        return new IndicatorTruth(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), Integer.parseInt(f[3]),
                Integer.parseInt(f[5]));
    }
}
