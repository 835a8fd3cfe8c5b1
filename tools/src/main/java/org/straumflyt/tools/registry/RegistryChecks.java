package org.straumflyt.tools.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.straumflyt.model.Building;
import org.straumflyt.model.MeterSpec;
import org.straumflyt.model.MeterTrees;

/**
 * The checks across records, the same for CSV and JSON: a building appears once, a meter belongs to one building (the
 * stream processor assigns a meter's readings by its id), and ids are usable as keys. The later of two clashing
 * records is rejected. A building's meter trees must be valid ({@link MeterTrees#problems}): each problem is reported
 * on its meter's line, and the building is not written (never part of a tree).
 */
final class RegistryChecks {
    private RegistryChecks() {
    }

    static RegistryFile check(RegistryFile file) {
        Map<String, Long> buildings = new HashMap<>();
        Map<String, Owner> meters = new HashMap<>();
        List<RegistryEntry> accepted = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>(file.rejections());
        for (RegistryEntry entry : file.entries()) {
            List<Rejection> found = check(entry, buildings, meters);
            if (found.isEmpty()) {
                accepted.add(entry);
                buildings.put(entry.building().buildingId(), entry.line());
                for (int i = 0; i < entry.building().meters().size(); i++) {
                    meters.put(entry.building().meters().get(i).meterId(),
                            new Owner(entry.building().buildingId(), entry.meterLines().get(i)));
                }
            } else {
                rejections.addAll(found);
            }
        }
        rejections.sort(Comparator.comparingLong(Rejection::line));
        return new RegistryFile(file.lines(), accepted, rejections);
    }

    private static List<Rejection> check(RegistryEntry entry, Map<String, Long> buildings, Map<String, Owner> meters) {
        List<Rejection> found = new ArrayList<>();
        Building building = entry.building();
        String buildingId = building.buildingId();
        RegistryColumns.idProblem(buildingId).ifPresent(p -> found.add(new Rejection(entry.line(), "buildingId '" + buildingId
                + "' " + p)));
        Long earlier = buildings.get(buildingId);
        if (earlier != null) {
            found.add(new Rejection(entry.line(), "building " + buildingId + " is already on line " + earlier
                    + " (a building is one record, with all its meters)"));
        }
        Map<String, Long> own = new HashMap<>();
        for (int i = 0; i < building.meters().size(); i++) {
            MeterSpec meter = building.meters().get(i);
            long line = entry.meterLines().get(i);
            RegistryColumns.idProblem(meter.meterId()).ifPresent(p -> found.add(new Rejection(line, "meterId '" + meter.meterId()
                    + "' " + p)));
            Long sameBuilding = own.putIfAbsent(meter.meterId(), line);
            Owner owner = meters.get(meter.meterId());
            if (sameBuilding != null) {
                found.add(new Rejection(line, "meter " + meter.meterId() + " appears twice in building " + buildingId
                        + (sameBuilding == line ? "" : " (also on line " + sameBuilding + ")")));
            } else if (owner != null) {
                found.add(new Rejection(line, "meter " + meter.meterId() + " of building " + buildingId
                        + " is already registered to building " + owner.buildingId() + " on line " + owner.line()
                        + "; a meter belongs to one building"));
            }
        }
        for (MeterTrees.Problem problem : MeterTrees.problems(building)) {
            if (problem.kind() == MeterTrees.Kind.DUPLICATE_METER) {
                continue; // reported above, with its lines
            }
            int index = indexOf(building, problem.meterId());
            long line = index < 0 ? entry.line() : entry.meterLines().get(index);
            found.add(new Rejection(line, "meter tree of building " + buildingId + ": " + problem.message()
                    + " [" + problem.kind() + "]"));
        }
        return found;
    }

    private static int indexOf(Building building, String meterId) {
        for (int i = 0; i < building.meters().size(); i++) {
            if (building.meters().get(i).meterId().equals(meterId)) {
                return i;
            }
        }
        return -1;
    }

    private record Owner(String buildingId, long line) {
    }
}
