package org.straumflyt.simulator.truth;

import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;

/**
 * What the portfolio's energy figures depend on besides the meters: the zone of the periods, the renewable share of
 * each carrier bought, the temperature-dependent share of each building category and the weather location's monthly
 * normal degree days. The truth computes with these values, and {@link #processorSettings} hands the same values to
 * the stream processor, so neither side falls back on a default the other does not know.
 *
 * @param zone               zone of the periods' dates ({@code portfolio.time.zone})
 * @param renewableShares    renewable share 0..1 per carrier ({@code portfolio.renewable.shares}); unlisted: 0
 * @param temperatureShares  temperature-dependent share per category ({@code degree.days.shares}); must list every
 *                           category of the fleet
 * @param monthlyNormals     normal degree days (base 17 °C) of each month, January first ({@code degree.days.normals})
 */
public record PortfolioAssumptions(ZoneId zone, Map<Carrier, Double> renewableShares,
        Map<BuildingCategory, Double> temperatureShares, List<Double> monthlyNormals) {

    public PortfolioAssumptions {
        if (monthlyNormals.size() != 12) {
            throw new IllegalArgumentException("need 12 monthly normals, got " + monthlyNormals.size());
        }
        renewableShares = Map.copyOf(new EnumMap<>(renewableShares));
        temperatureShares = Map.copyOf(new EnumMap<>(temperatureShares));
        monthlyNormals = List.copyOf(monthlyNormals);
    }

    /** The stream processor's settings that state these assumptions for the fleet's weather location. */
    public Map<String, String> processorSettings(String weatherLocation) {
        Map<String, String> settings = new TreeMap<>();
        settings.put("portfolio.time.zone", zone.getId());
        settings.put("portfolio.renewable.shares", new TreeMap<>(renewableShares).entrySet().stream()
                .map(e -> e.getKey().wireName() + ":" + e.getValue()).collect(Collectors.joining(",")));
        settings.put("degree.days.shares", new TreeMap<>(temperatureShares).entrySet().stream()
                .map(e -> e.getKey().wireName() + ":" + e.getValue()).collect(Collectors.joining(",")));
        settings.put("degree.days.normals", weatherLocation + ":"
                + monthlyNormals.stream().map(String::valueOf).collect(Collectors.joining("/")));
        return settings;
    }
}
