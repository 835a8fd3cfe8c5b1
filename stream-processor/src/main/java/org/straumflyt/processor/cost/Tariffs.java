package org.straumflyt.processor.cost;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.Building;
import org.straumflyt.model.wire.Json;

/**
 * The tariffs of a deployment, read from a JSON file (docs/COST.md): tariffs by id, each a list of versions by
 * valid-from date, plus the bidding zone and tariff of buildings whose registry entry names none. Immutable once
 * read; every problem of the file is found at start ({@link TariffException}), so a running stage never meets an
 * unusable rate.
 *
 * @param defaultBiddingZone the zone of buildings without one, or {@code null}
 * @param defaultTariff      the tariff of buildings without one, or {@code null}
 * @param tariffs            versions by tariff id, each sorted by {@code validFrom}
 */
public record Tariffs(BiddingZone defaultBiddingZone, String defaultTariff, Map<String, List<TariffVersion>> tariffs) {

    public Tariffs {
        Map<String, List<TariffVersion>> sorted = new TreeMap<>();
        tariffs.forEach((id, versions) -> sorted.put(id, versions.stream()
                .sorted(Comparator.comparing(TariffVersion::validFrom)).toList()));
        tariffs = sorted;
    }

    /** The file could not be read, or names a problem; the message lists them all. */
    public static final class TariffException extends IllegalArgumentException {
        TariffException(String message) {
            super(message);
        }
    }

    /** The file's shape, as written. */
    private record File(BiddingZone defaultBiddingZone, String defaultTariff,
            Map<String, List<TariffVersion>> tariffs) {
    }

    /**
     * Reads and checks a tariff file. Unknown fields are errors (a misspelt rate must not silently be 0).
     *
     * @throws TariffException listing every problem, each with the tariff and version it is in
     */
    public static Tariffs read(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new TariffException("tariff file " + path + " does not exist");
        } catch (IOException e) {
            throw new TariffException("tariff file " + path + " cannot be read: " + e.getMessage());
        }
        return parse(new String(bytes, StandardCharsets.UTF_8), path.toString());
    }

    /**
     * Parses and checks the JSON of a tariff file.
     *
     * @param name the file's name, for messages
     * @throws TariffException listing every problem
     */
    public static Tariffs parse(String json, String name) {
        ObjectReader reader = Json.mapper().readerFor(File.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File file;
        try {
            file = reader.readValue(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new TariffException("tariff file " + name + " is not a valid tariff file: "
                    + e.getOriginalMessage() + " (at " + e.getLocation().getLineNr() + ":"
                    + e.getLocation().getColumnNr() + ")");
        }
        List<String> problems = new ArrayList<>();
        if (file.tariffs() == null || file.tariffs().isEmpty()) {
            problems.add("it has no tariffs");
        } else {
            file.tariffs().forEach((id, versions) -> {
                if (versions == null || versions.isEmpty()) {
                    problems.add("tariff " + id + " has no versions");
                    return;
                }
                List<LocalDate> dates = new ArrayList<>();
                for (TariffVersion version : versions) {
                    String where = "tariff " + id + " version " + version.validFrom() + ": ";
                    version.problems().forEach(p -> problems.add(where + p));
                    if (dates.contains(version.validFrom())) {
                        problems.add("tariff " + id + " has two versions valid from " + version.validFrom());
                    }
                    dates.add(version.validFrom());
                }
            });
            if (file.defaultTariff() != null && !file.tariffs().containsKey(file.defaultTariff())) {
                problems.add("defaultTariff " + file.defaultTariff() + " is not one of the tariffs "
                        + file.tariffs().keySet());
            }
        }
        if (!problems.isEmpty()) {
            throw new TariffException("tariff file " + name + ": " + String.join("; ", problems));
        }
        return new Tariffs(file.defaultBiddingZone(), file.defaultTariff(), file.tariffs());
    }

    /** The zone a building is priced in: its own, else the default; {@code null} when neither. */
    public BiddingZone zoneOf(Building building) {
        return building != null && building.biddingZone() != null ? building.biddingZone() : defaultBiddingZone;
    }

    /** The tariff a building is under: its own, else the default; {@code null} when neither. */
    public String tariffOf(Building building) {
        return building != null && building.tariffId() != null ? building.tariffId() : defaultTariff;
    }

    /** The version of a tariff valid on a local date, or {@code null} (unknown tariff, or a date before it). */
    public Versioned versionAt(String tariffId, LocalDate date) {
        List<TariffVersion> versions = tariffId == null ? null : tariffs.get(tariffId);
        if (versions == null) {
            return null;
        }
        TariffVersion found = null;
        for (TariffVersion v : versions) {
            if (!v.validFrom().isAfter(date)) {
                found = v;
            }
        }
        return found == null ? null : new Versioned(tariffId, found, label(tariffId, found));
    }

    /**
     * A tariff version with the label records carry: {@code <id>@<validFrom>#<8 hex of its content's SHA-256>}, so
     * a corrected version (same date, other rates) has another label.
     */
    public record Versioned(String tariffId, TariffVersion version, String label) {
    }

    private static String label(String id, TariffVersion version) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(Json.toBytes(version));
            return id + "@" + version.validFrom() + "#" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
