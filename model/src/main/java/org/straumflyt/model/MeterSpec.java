package org.straumflyt.model;

import java.util.List;
import java.util.Objects;

/**
 * A meter as the building registry knows it.
 *
 * @param meterId        the meter's stable id (the key of its readings)
 * @param carrier        what it measures
 * @param registers      the registers it has, e.g. {@code ["import", "export"]}; empty means {@code ["import"]}
 * @param registerMaxKwh the value after which its register rolls over to 0, if known (kWh)
 * @param maxPowerKw     the highest plausible power (kW); a register step implying more is a spike
 * @param smartMeter     whether it is a smart meter (an AMS meter, read remotely, hourly or finer); optional,
 *                       absent means not smart. Counts towards U4SSC EC:ICT:ES:1C for electricity meters.
 */
public record MeterSpec(String meterId, Carrier carrier, List<String> registers, Double registerMaxKwh,
        Double maxPowerKw, Boolean smartMeter) {
    public MeterSpec {
        Objects.requireNonNull(meterId, "meterId");
        carrier = carrier == null ? Carrier.ELECTRICITY : carrier;
        smartMeter = Boolean.TRUE.equals(smartMeter); // a Boolean so that records without it parse
        registers = registers == null || registers.isEmpty() ? List.of(Registers.IMPORT) : List.copyOf(registers);
        if (registerMaxKwh != null && !(registerMaxKwh > 0)) {
            throw new IllegalArgumentException("registerMaxKwh must be > 0, was " + registerMaxKwh);
        }
        if (maxPowerKw != null && !(maxPowerKw > 0)) {
            throw new IllegalArgumentException("maxPowerKw must be > 0, was " + maxPowerKw);
        }
    }

    /** A meter not declared smart (registry entries written before {@code smartMeter} existed). */
    public MeterSpec(String meterId, Carrier carrier, List<String> registers, Double registerMaxKwh,
            Double maxPowerKw) {
        this(meterId, carrier, registers, registerMaxKwh, maxPowerKw, false);
    }

    /** A meter with just an import register and no known limits. */
    public static MeterSpec of(String meterId, Carrier carrier) {
        return new MeterSpec(meterId, carrier, List.of(Registers.IMPORT), null, null);
    }

    /** The same meter, declared smart or not. */
    public MeterSpec withSmartMeter(boolean smart) {
        return new MeterSpec(meterId, carrier, registers, registerMaxKwh, maxPowerKw, smart);
    }
}
