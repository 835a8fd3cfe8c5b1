package org.straumflyt.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks of a building's meter trees. Pure: the same entry always gives the same problems, in meter order. An entry
 * with a problem is rejected whole (the registry import refuses it, the stream processor keeps the building's previous
 * valid entry), never applied in part.
 */
public final class MeterTrees {
    /** How far a meter's shares may sum away from 1. */
    public static final double SHARE_TOLERANCE = 1e-6;

    /** What is wrong with a tree; written in lower snake case as the reason of a rejection (metric tag, report). */
    public enum Kind implements WireNamed {
        DUPLICATE_METER,
        PARENT_MISSING,
        PARENT_OTHER_CARRIER,
        PARENT_VIRTUAL,
        CYCLE,
        MAIN_WITH_PARENT,
        VIRTUAL_WITHOUT_PARENT,
        NO_MAIN_ABOVE,
        SHARES;

        @Override
        public String toString() {
            return wireName();
        }
    }

    /**
     * One problem of a tree.
     *
     * @param kind    what kind
     * @param meterId the meter it is about
     * @param message what is wrong, for a person
     */
    public record Problem(Kind kind, String meterId, String message) {
        @Override
        public String toString() {
            return message;
        }
    }

    private MeterTrees() {
    }

    /** Whether the building uses trees at all: a meter that is not a plain main meter, or a shared meter. */
    public static boolean hasTree(Building building) {
        return building.meters().stream().anyMatch(m -> m.meterRole() != MeterRole.MAIN || m.shares() != null);
    }

    /** The problems of the building's meter trees; empty when they are valid (always so for an entry without trees). */
    public static List<Problem> problems(Building building) {
        List<Problem> problems = new ArrayList<>();
        Map<String, MeterSpec> byId = new HashMap<>();
        for (MeterSpec m : building.meters()) {
            if (byId.putIfAbsent(m.meterId(), m) != null) {
                problems.add(new Problem(Kind.DUPLICATE_METER, m.meterId(),
                        "meter " + m.meterId() + " is listed more than once"));
            }
        }
        Set<Carrier> withMain = new HashSet<>();
        building.meters().stream().filter(m -> m.meterRole() == MeterRole.MAIN).forEach(m -> withMain.add(m.carrier()));
        Set<String> reported = new HashSet<>();
        for (MeterSpec m : building.meters()) {
            if (!reported.add(m.meterId())) {
                continue;
            }
            parentProblem(m, byId, withMain).ifPresent(problems::add);
            sharesProblem(building.buildingId(), m).ifPresent(problems::add);
        }
        return problems;
    }

    private static Optional<Problem> parentProblem(MeterSpec m, Map<String, MeterSpec> byId,
            Set<Carrier> withMain) {
        String id = m.meterId();
        String parentId = m.parentMeterId();
        MeterRole role = m.meterRole();
        if (parentId == null) {
            if (role == MeterRole.VIRTUAL) {
                return problem(Kind.VIRTUAL_WITHOUT_PARENT, id, "virtual meter " + id
                        + " has no parent: it names the unmetered rest of the meter it is behind");
            }
            if (role == MeterRole.SUB && withMain.contains(m.carrier())) {
                return problem(Kind.NO_MAIN_ABOVE, id, "sub-meter " + id + " has no main meter above it, though the"
                        + " building has a main meter of " + m.carrier() + ": give it a parent");
            }
            return Optional.empty();
        }
        if (role == MeterRole.MAIN) {
            return problem(Kind.MAIN_WITH_PARENT, id, "main meter " + id + " has a parent (" + parentId
                    + "); a main meter is the top of its tree");
        }
        MeterSpec parent = byId.get(parentId);
        if (parent == null) {
            return problem(Kind.PARENT_MISSING, id, "meter " + id + " names parent " + parentId
                    + ", which the building does not list");
        }
        if (parent.carrier() != m.carrier()) {
            return problem(Kind.PARENT_OTHER_CARRIER, id, "meter " + id + " (" + m.carrier() + ") is behind "
                    + parentId + " (" + parent.carrier() + "); a tree has one carrier");
        }
        if (parent.meterRole() == MeterRole.VIRTUAL) {
            return problem(Kind.PARENT_VIRTUAL, id, "meter " + id + " is behind virtual meter " + parentId
                    + "; a virtual meter has no meters behind it");
        }
        Set<String> seen = new LinkedHashSet<>();
        seen.add(id);
        MeterSpec at = parent;
        while (at != null) {
            if (!seen.add(at.meterId())) {
                return problem(Kind.CYCLE, id, "meter " + id + " is in a cycle: " + String.join(" -> ", seen)
                        + " -> " + at.meterId());
            }
            if (at.parentMeterId() == null) {
                if (at.meterRole() != MeterRole.MAIN && withMain.contains(m.carrier())) {
                    return problem(Kind.NO_MAIN_ABOVE, id, "meter " + id + " has no main meter of " + m.carrier()
                            + " above it (its tree ends at " + at.meterId() + ")");
                }
                break;
            }
            at = byId.get(at.parentMeterId());
        }
        if (m.shares() != null) {
            return problem(Kind.SHARES, id, "meter " + id + " has shares and a parent; only the top of a tree is"
                    + " shared (the meters behind it follow its fractions)");
        }
        return Optional.empty();
    }

    private static Optional<Problem> sharesProblem(String buildingId, MeterSpec m) {
        if (m.shares() == null) {
            return Optional.empty();
        }
        String id = m.meterId();
        Set<String> buildings = new HashSet<>();
        double sum = 0;
        for (MeterShare s : m.shares()) {
            if (!(s.fraction() > 0 && s.fraction() <= 1)) {
                return problem(Kind.SHARES, id, "meter " + id + " gives building " + s.buildingId() + " the fraction "
                        + s.fraction() + "; a fraction is above 0 and at most 1");
            }
            if (!buildings.add(s.buildingId())) {
                return problem(Kind.SHARES, id, "meter " + id + " names building " + s.buildingId() + " twice");
            }
            sum += s.fraction();
        }
        if (Math.abs(sum - 1) > SHARE_TOLERANCE) {
            return problem(Kind.SHARES, id, String.format(Locale.ROOT,
                    "the fractions of meter %s sum to %s, not 1", id, Math.round(sum * 1e9) / 1e9));
        }
        if (!buildings.contains(buildingId)) {
            return problem(Kind.SHARES, id, "meter " + id + " is listed by building " + buildingId
                    + " but its shares do not name it");
        }
        return Optional.empty();
    }

    private static Optional<Problem> problem(Kind kind, String meterId, String message) {
        return Optional.of(new Problem(kind, meterId, message));
    }
}
