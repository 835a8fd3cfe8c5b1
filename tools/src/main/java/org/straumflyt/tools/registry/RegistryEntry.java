package org.straumflyt.tools.registry;

import java.util.List;
import org.straumflyt.model.Building;

/**
 * A valid registry record read from the input, with where it came from.
 *
 * @param line       the line of its first row (CSV) or where its record starts (JSON)
 * @param meterLines the line of each of its meters, in the order of {@link Building#meters()}
 * @param building   the record as it will be written
 */
public record RegistryEntry(long line, List<Long> meterLines, Building building) {
    public RegistryEntry {
        meterLines = List.copyOf(meterLines);
        if (meterLines.size() != building.meters().size()) {
            throw new IllegalArgumentException("one line per meter expected");
        }
    }

    /** An entry whose meters are all on its own line (a JSON record). */
    static RegistryEntry atLine(long line, Building building) {
        return new RegistryEntry(line, building.meters().stream().map(m -> line).toList(), building);
    }
}
