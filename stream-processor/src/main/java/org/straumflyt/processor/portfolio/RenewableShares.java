package org.straumflyt.processor.portfolio;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.Carrier;

/**
 * The renewable share of the energy each carrier supplies (e.g. from guarantees of origin or a district-heating
 * plant's fuel mix), for U4SSC EN:E:E:1C: a default per carrier, and per municipality where its contracts differ.
 * A municipality's entry for a carrier overrides the default for that carrier only.
 *
 * @param defaults       renewable share 0..1 by carrier, for every municipality
 * @param byMunicipality renewable share 0..1 by carrier, by municipality number
 */
public record RenewableShares(Map<Carrier, Double> defaults, Map<String, Map<Carrier, Double>> byMunicipality) {
    public static final RenewableShares NONE = new RenewableShares(Map.of(), Map.of());

    public RenewableShares {
        defaults = checked("default", defaults);
        Map<String, Map<Carrier, Double>> copy = new TreeMap<>();
        byMunicipality.forEach((municipality, shares) -> copy.put(municipality, checked(municipality, shares)));
        byMunicipality = Map.copyOf(copy);
    }

    /** The same default shares for every municipality. */
    public static RenewableShares of(Map<Carrier, Double> defaults) {
        return new RenewableShares(defaults, Map.of());
    }

    /** The renewable share of a carrier in a municipality, 0 when neither it nor the default lists the carrier. */
    public double share(String municipality, Carrier carrier) {
        Double own = byMunicipality.getOrDefault(municipality, Map.of()).get(carrier);
        return own != null ? own : defaults.getOrDefault(carrier, 0.0);
    }

    /** Whether any share applies to the municipality; without one its renewable indicator is left out, not 0. */
    public boolean knows(String municipality) {
        return !defaults.isEmpty() || byMunicipality.containsKey(municipality);
    }

    private static Map<Carrier, Double> checked(String scope, Map<Carrier, Double> shares) {
        shares.forEach((carrier, share) -> {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("renewable share of " + carrier + " (" + scope
                        + ") must be within 0..1, was " + share);
            }
        });
        return shares.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(shares));
    }
}
