package org.straumflyt.tools.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.straumflyt.model.BuildingCategory;
import org.straumflyt.model.Carrier;
import org.straumflyt.model.EndUse;
import org.straumflyt.model.IdRules;
import org.straumflyt.model.MeterRole;
import org.straumflyt.model.WireNamed;
import org.straumflyt.tools.registry.RegistryColumn.CellReader;
import org.straumflyt.tools.registry.RegistryColumn.Level;

/**
 * The columns of the registry CSV: one line per meter, the building's columns repeated on each of its lines (or left
 * empty after the first). A new field of the registry records is one more line in {@link #ALL}; its cells go into the
 * record's JSON and through the model's codec, like the JSON import.
 */
public final class RegistryColumns {
    /** What people write as a number: no hexadecimal, NaN or Infinity, which {@link Double#parseDouble} accepts. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\d{4}");
    private static final Map<String, Boolean> BOOLEANS = Map.of("true", true, "false", false, "yes", true, "no", false,
            "ja", true, "nei", false, "1", true, "0", false);

    public static final String BUILDING_ID = "building_id";
    public static final String METER_ID = "meter_id";

    /** Every column, in the order of the documented header. */
    public static final List<RegistryColumn> ALL = List.of(
            building(BUILDING_ID, "buildingId", RegistryColumns::id,
                    "the building's stable id, the key on the registry topic (required)"),
            building("name", "name", RegistryColumns::text, "display name; default the id"),
            building("municipality", "municipality", RegistryColumns::municipality,
                    "municipality number, four digits (3201 is Bærum)"),
            building("category", "category", wire(BuildingCategory::fromWire),
                    "one of " + names(BuildingCategory.values()) + "; default other"),
            building("heated_area_m2", "heatedAreaM2", RegistryColumns::nonNegative,
                    "heated floor area (BRA) in m²; empty or 0 when unknown (then no kWh/m²)")
                    .withAbsent(DoubleNode.valueOf(0)),
            building("time_zone", "timeZone", RegistryColumns::zone, "IANA time zone; default Europe/Oslo"),
            building("lat", "location.lat", RegistryColumns::latitude, "latitude, -90..90 (with lon)"),
            building("lon", "location.lon", RegistryColumns::longitude, "longitude, -180..180 (with lat)"),
            building("weather_location_id", "weatherLocationId", RegistryColumns::id,
                    "the weather.daily location of its degree days"),
            building("personal_data", "personalData", RegistryColumns::bool,
                    "yes when its data is personal (never published hourly); default no")
                    .withAbsent(BooleanNode.FALSE),
            building("integrated_building_management", "integratedBuildingManagement", RegistryColumns::bool,
                    "yes when an integrated ICT system automates its building management (U4SSC EC:I:B:2A); "
                            + "default no")
                    .withAbsent(BooleanNode.FALSE),
            building("bidding_zone", "biddingZone", RegistryColumns::biddingZone,
                    "the day-ahead bidding zone, NO1..NO5, its electricity is priced in (cost, docs/COST.md)"),
            building("tariff_id", "tariffId", RegistryColumns::id,
                    "its grid tariff and supplier contract in the cost stage's tariff file (docs/COST.md)"),
            meter(METER_ID, "meterId", RegistryColumns::id,
                    "the meter's id, as the ingest route reads it from the MQTT topic or payload; empty for a "
                            + "building without meters"),
            meter("carrier", "carrier", wire(Carrier::fromWire),
                    "one of " + names(Carrier.values()) + "; default electricity"),
            meter("registers", "registers", RegistryColumns::registers,
                    "its registers, separated by spaces, e.g. 'import export'; default import"),
            meter("register_max_kwh", "registerMaxKwh", RegistryColumns::positive,
                    "kWh at which its register rolls over to 0, if known"),
            meter("max_power_kw", "maxPowerKw", RegistryColumns::positive,
                    "highest plausible power in kW; a larger step is quarantined as a spike"),
            meter("smart_meter", "smartMeter", RegistryColumns::bool,
                    "yes for a smart meter read remotely, hourly or finer, such as an AMS meter (U4SSC "
                            + "EC:ICT:ES:1C); default no")
                    .withAbsent(BooleanNode.FALSE),
            meter("role", "role", wire(MeterRole::fromWire),
                    "one of " + names(MeterRole.values()) + ": its place in the building's meter tree of its "
                            + "carrier; default main (building totals come from main meters)"),
            meter("parent_meter_id", "parentMeterId", RegistryColumns::id,
                    "the meter it is behind (same building and carrier), for a sub or virtual meter"),
            meter("end_use", "endUse", wire(EndUse::fromWire),
                    "what its energy is used for: one of " + names(EndUse.values())),
            meter("shares", "shares", RegistryColumns::shares,
                    "for a meter serving several buildings: building:fraction pairs separated by spaces, summing to "
                            + "1, e.g. 'skole:0.7 hall:0.3'"));

    private RegistryColumns() {
    }

    /** The column with this header name. */
    public static Optional<RegistryColumn> named(String name) {
        return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The documented header: every column's name, comma-separated. */
    public static String header() {
        return ALL.stream().map(RegistryColumn::name).collect(Collectors.joining(","));
    }

    /** The columns that fill the same nested object, e.g. {@code lat} and {@code lon}: given together or not at all. */
    static Map<String, Set<String>> groups() {
        return ALL.stream().filter(c -> !c.parent().isEmpty()).collect(Collectors.groupingBy(RegistryColumn::parent,
                Collectors.mapping(RegistryColumn::name, Collectors.toCollection(TreeSet::new))));
    }

    private static RegistryColumn building(String name, String field, CellReader cell, String description) {
        return new RegistryColumn(name, Level.BUILDING, field, cell, description, null);
    }

    private static RegistryColumn meter(String name, String field, CellReader cell, String description) {
        return new RegistryColumn(name, Level.METER, field, cell, description, null);
    }

    private static JsonNode text(String text, boolean decimalComma) {
        return TextNode.valueOf(text);
    }

    private static JsonNode id(String text, boolean decimalComma) {
        idProblem(text).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return TextNode.valueOf(text);
    }

    /** Why {@code id} cannot be a building, meter or register id; empty when it can. */
    static Optional<String> idProblem(String id) {
        return Optional.ofNullable(IdRules.problem(id)).map(problem -> "is not an id: it " + problem);
    }

    private static JsonNode municipality(String text, boolean decimalComma) {
        if (!MUNICIPALITY.matcher(text).matches()) {
            throw new IllegalArgumentException("is not a municipality number (four digits, e.g. 3201)");
        }
        return TextNode.valueOf(text);
    }

    /** An enum of the model, parsed by its own wire-name parser (which lists the allowed values when it fails). */
    private static CellReader wire(Function<String, ? extends WireNamed> parse) {
        return (text, decimalComma) -> TextNode.valueOf(parse.apply(text).wireName());
    }

    private static JsonNode zone(String text, boolean decimalComma) {
        try {
            return TextNode.valueOf(ZoneId.of(text).getId());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("is not an IANA time zone such as Europe/Oslo");
        }
    }

    private static JsonNode biddingZone(String text, boolean decimalComma) {
        return TextNode.valueOf(org.straumflyt.model.BiddingZone.parse(text).orElseThrow(
                () -> new IllegalArgumentException("is not a Norwegian bidding zone NO1..NO5")).name());
    }

    private static JsonNode bool(String text, boolean decimalComma) {
        Boolean value = BOOLEANS.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            throw new IllegalArgumentException("is not yes or no (also true/false, ja/nei, 1/0)");
        }
        return BooleanNode.valueOf(value);
    }

    private static JsonNode registers(String text, boolean decimalComma) {
        ArrayNode names = JsonNodeFactory.instance.arrayNode();
        for (String register : text.split("\\s+")) {
            id(register, decimalComma);
            names.add(register);
        }
        return names;
    }

    private static JsonNode shares(String text, boolean decimalComma) {
        ArrayNode shares = JsonNodeFactory.instance.arrayNode();
        for (String pair : text.split("\\s+")) {
            int colon = pair.lastIndexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("is not building:fraction pairs such as 'skole:0.7 hall:0.3'");
            }
            String building = pair.substring(0, colon);
            id(building, decimalComma);
            shares.addObject().put("buildingId", building)
                    .put("fraction", number(pair.substring(colon + 1), decimalComma));
        }
        return shares;
    }

    private static JsonNode nonNegative(String text, boolean decimalComma) {
        double value = number(text, decimalComma);
        if (value < 0) {
            throw new IllegalArgumentException("is negative");
        }
        return DoubleNode.valueOf(value);
    }

    private static JsonNode positive(String text, boolean decimalComma) {
        double value = number(text, decimalComma);
        if (value <= 0) {
            throw new IllegalArgumentException("must be greater than 0");
        }
        return DoubleNode.valueOf(value);
    }

    private static JsonNode latitude(String text, boolean decimalComma) {
        return within(number(text, decimalComma), 90);
    }

    private static JsonNode longitude(String text, boolean decimalComma) {
        return within(number(text, decimalComma), 180);
    }

    private static JsonNode within(double degrees, double limit) {
        if (degrees < -limit || degrees > limit) {
            throw new IllegalArgumentException("is outside -" + (int) limit + ".." + (int) limit);
        }
        return DoubleNode.valueOf(degrees);
    }

    /** A decimal number; a decimal comma only where the file's separator is a semicolon. */
    private static double number(String text, boolean decimalComma) {
        String plain = decimalComma ? text.replace(',', '.') : text;
        if (!DECIMAL.matcher(plain).matches()) {
            String hint = !decimalComma && text.contains(",") ? " (use a decimal point, not a comma)" : "";
            throw new IllegalArgumentException("is not a number" + hint);
        }
        double value = Double.parseDouble(plain);
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("is too large");
        }
        return value;
    }

    private static String names(WireNamed[] values) {
        return Arrays.stream(values).map(WireNamed::wireName).collect(Collectors.joining(", "));
    }
}
