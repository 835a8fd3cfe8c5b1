package org.straumflyt.simulator.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.straumflyt.model.Building;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.GeoLocation;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.MeterSpec;

/** Generates a municipality's fleet of buildings and meters, reproducibly from a seed. */
public final class FleetGenerator {
    private static final BuildingCategory[] CATEGORIES = {
        BuildingCategory.SCHOOL, BuildingCategory.KINDERGARTEN, BuildingCategory.NURSING_HOME, BuildingCategory.OFFICE,
        BuildingCategory.SCHOOL, BuildingCategory.SPORTS_HALL, BuildingCategory.KINDERGARTEN, BuildingCategory.CULTURAL
    };
    /** A register display of 100 000 kWh with 3 decimals, which rolls over to 0. */
    static final long ROLLOVER_MAX_WH = 100_000_000L;
    /** Every this many buildings, from the first, one has sub-meters behind its electricity meter. */
    static final int TREE_EVERY = 6;

    private final long seed;

    public FleetGenerator(long seed) {
        this.seed = seed;
    }

    /**
     * A fleet of {@code count} buildings in {@code municipality}.
     *
     * @param formats        the electricity meters' formats, assigned round-robin over buildings
     * @param rolloverShare  fraction of meters whose register starts just below its maximum, so it rolls over
     */
    public List<SimBuilding> generate(int count, String municipality, List<PayloadFormat> formats,
            double rolloverShare) {
        return generate(count, municipality, formats, rolloverShare, 0);
    }

    /**
     * A fleet of {@code count} buildings in {@code municipality}, where about {@code intervalShare} of the canonical
     * electricity meters send interval energy ({@link SimMeter#interval}) instead of their register. The choice is
     * drawn apart from the fleet's other draws: with a share of 0 the fleet is the same as without.
     */
    public List<SimBuilding> generate(int count, String municipality, List<PayloadFormat> formats,
            double rolloverShare, double intervalShare) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least 1 building, got " + count);
        }
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("need at least one payload format");
        }
        SplittableRandom random = Noise.random(seed, "fleet:" + municipality);
        List<SimBuilding> fleet = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String buildingId = municipality + "-b" + String.format("%03d", i + 1);
            BuildingCategory category = CATEGORIES[i % CATEGORIES.length];
            double area = 400 + Math.round(random.nextDouble() * 76) * 100.0;
            List<SimMeter> meters = new ArrayList<>();
            PayloadFormat format = formats.get(i % formats.size());
            SimMeter electricity = electricityMeter(buildingId, format, area, random, rolloverShare);
            boolean interval = format == PayloadFormat.CANONICAL
                    && Noise.unit(seed, "interval:" + buildingId, 0) < intervalShare;
            SimMeter main = interval ? electricity.asInterval() : electricity;
            meters.add(main);
            if (random.nextDouble() < 0.7) {
                meters.add(heatMeter(buildingId, area, random, rolloverShare));
            }
            List<MeterSpec> specs = new ArrayList<>(meters.stream().map(SimMeter::spec).toList());
            if (i % TREE_EVERY == 0) {
                // on the register meter's grid, whether or not it sends interval values instead: the same sub-meters
                addSubMeters(electricity, meters, specs);
            }
            Building building = new Building(buildingId, category.wireName() + " " + (i + 1), municipality, category,
                    area, Building.DEFAULT_TIME_ZONE,
                    new GeoLocation(59.9 + random.nextDouble() * 0.1, 10.45 + random.nextDouble() * 0.2),
                    municipality, false, specs,
                    // every other building has integrated building management (EC:I:B:2A); no draw from the random
                    // sequence, so that the rest of a seed's fleet stays as it was
                    i % 2 == 0);
            fleet.add(new SimBuilding(building, meters));
        }
        return fleet;
    }

    /**
     * Behind the electricity meter of every {@link #TREE_EVERY}th building (the first included): sub-meters for
     * ventilation fans, EV chargers and the kitchen (the rest of the main meter is end use other). The sub-meters
     * send a register every 5 minutes on a grid that is also the main meter's, so the main meter's steps hold theirs
     * exactly ({@link LoadModel}). No draw from the random sequence, so the rest of a seed's fleet stays as it was.
     */
    private static void addSubMeters(SimMeter main, List<SimMeter> meters, List<MeterSpec> specs) {
        specs.set(0, specs.get(0).inTree(MeterRole.MAIN, null, null));
        int k = 0;
        for (EndUse use : LoadModel.SUB_METER_SHARES.keySet()) {
            SimMeter sub = new SimMeter(main.meterId() + "-" + use.wireName().replace('_', '-'), main.buildingId(),
                    Carrier.ELECTRICITY, PayloadFormat.CANONICAL, 300, main.phaseSeconds() % 300, 1, 0, 0,
                    2_000_000L + 1_000_000L * k++, main.maxPowerKw());
            meters.add(sub);
            specs.add(sub.spec().inTree(MeterRole.SUB, main.meterId(), use));
        }
    }

    private static SimMeter electricityMeter(String buildingId, PayloadFormat format, double area,
            SplittableRandom random, double rolloverShare) {
        String id = "el-" + buildingId;
        double maxPowerKw = Math.ceil(area * 0.03) + 20;
        return switch (format) {
            // AMS HAN readers: power every 10 s, the register once an hour on the hour.
            case AMS -> meter(id, buildingId, Carrier.ELECTRICITY, format, 10, 0, 360, 1, maxPowerKw, random, 0);
            // Shelly status: power and the energy counter every minute.
            case SHELLY -> meter(id, buildingId, Carrier.ELECTRICITY, format, 60, random.nextInt(60), 1, 1, maxPowerKw,
                    random, rolloverShare);
            // Tasmota and SenML: a telemetry period of 5 minutes.
            case TASMOTA, SENML -> meter(id, buildingId, Carrier.ELECTRICITY, format, 300, random.nextInt(300), 1, 1,
                    maxPowerKw, random, rolloverShare);
            case CANONICAL -> meter(id, buildingId, Carrier.ELECTRICITY, format, 300, random.nextInt(300), 1, 0,
                    maxPowerKw, random, rolloverShare);
        };
    }

    private static SimMeter heatMeter(String buildingId, double area, SplittableRandom random, double rolloverShare) {
        return meter("dh-" + buildingId, buildingId, Carrier.DISTRICT_HEATING, PayloadFormat.CANONICAL, 600,
                random.nextInt(600), 1, 0, Math.ceil(area * 0.06) + 20, random, rolloverShare);
    }

    private static SimMeter meter(String id, String buildingId, Carrier carrier, PayloadFormat format, int step,
            int phase, int registerEvery, int powerEvery, double maxPowerKw, SplittableRandom random,
            double rolloverShare) {
        boolean rollsOver = registerEvery == 1 && random.nextDouble() < rolloverShare;
        long start = rollsOver ? ROLLOVER_MAX_WH - 2_000 - random.nextInt(2_000)
                : 1_000_000L + (long) (random.nextDouble() * 50_000_000L);
        return new SimMeter(id, buildingId, carrier, format, step, phase, registerEvery, powerEvery,
                rollsOver ? ROLLOVER_MAX_WH : 0, start, maxPowerKw);
    }
}
