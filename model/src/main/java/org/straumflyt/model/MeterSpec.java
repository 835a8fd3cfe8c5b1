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
 * @param role           its place in the building's meter tree of its carrier; optional, absent means
 *                       {@link MeterRole#MAIN} (see {@link #meterRole()})
 * @param parentMeterId  the meter it is behind, for a sub-meter or a virtual meter; optional
 * @param endUse         what its energy is used for; optional (a sub-meter without one counts as
 *                       {@link EndUse#OTHER})
 * @param shares         for a meter that serves several buildings: each building's fixed fraction; optional, absent
 *                       means all of it belongs to the building that lists it. Only a meter without a parent is
 *                       shared; the meters behind it follow its fractions. {@link MeterTrees} checks a tree.
 */
public record MeterSpec(String meterId, Carrier carrier, List<String> registers, Double registerMaxKwh,
        Double maxPowerKw, Boolean smartMeter, MeterRole role, String parentMeterId, EndUse endUse,
        List<MeterShare> shares) {
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
        // absent on the wire when not given, so that entries without trees are written as before
        shares = shares == null || shares.isEmpty() ? null : List.copyOf(shares);
    }

    /** A meter outside any tree: a main meter of its carrier (entries written before meter trees existed). */
    public MeterSpec(String meterId, Carrier carrier, List<String> registers, Double registerMaxKwh,
            Double maxPowerKw, Boolean smartMeter) {
        this(meterId, carrier, registers, registerMaxKwh, maxPowerKw, smartMeter, null, null, null, null);
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
        return new MeterSpec(meterId, carrier, registers, registerMaxKwh, maxPowerKw, smart, role, parentMeterId,
                endUse, shares);
    }

    /** The same meter at another place in its tree. */
    public MeterSpec inTree(MeterRole newRole, String newParentMeterId, EndUse newEndUse) {
        return new MeterSpec(meterId, carrier, registers, registerMaxKwh, maxPowerKw, smartMeter, newRole,
                newParentMeterId, newEndUse, shares);
    }

    /** The same meter, shared by buildings with these fractions ({@code null} or empty: not shared). */
    public MeterSpec withShares(List<MeterShare> newShares) {
        return new MeterSpec(meterId, carrier, registers, registerMaxKwh, maxPowerKw, smartMeter, role,
                parentMeterId, endUse, newShares);
    }

    /** Its role, {@link MeterRole#MAIN} when the registry gives none. */
    public MeterRole meterRole() {
        return role == null ? MeterRole.MAIN : role;
    }

    /** The fraction of its energy that belongs to a building: 1 when it is not shared, 0 for a building not named. */
    public double fractionOf(String buildingId) {
        if (shares == null) {
            return 1;
        }
        return shares.stream().filter(s -> s.buildingId().equals(buildingId)).mapToDouble(MeterShare::fraction)
                .sum();
    }
}
