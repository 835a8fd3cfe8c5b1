package org.straumflyt.ingest.route;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How ids are read from an MQTT topic, e.g. {@code buildings/{buildingId}/meters/{meterId}}. A placeholder matches
 * text within one topic level, so {@code shellies/{meterId}/status/switch:{channel}} works too; {@code +} matches
 * any level and a trailing {@code #} any rest. Known placeholders: {@value #METER_ID}, {@value #BUILDING_ID},
 * {@value #CHANNEL} (appended to the meter id as {@code <meterId>-<channel>}) and {@value #LOCATION_ID} (the weather
 * location of temperature routes).
 */
public final class TopicTemplate {
    public static final String METER_ID = "meterId";
    public static final String BUILDING_ID = "buildingId";
    public static final String CHANNEL = "channel";
    public static final String LOCATION_ID = "locationId";
    private static final List<String> KNOWN = List.of(METER_ID, BUILDING_ID, CHANNEL, LOCATION_ID);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final TopicTemplate NONE = new TopicTemplate("", null, List.of());

    private final String template;
    private final Pattern pattern;
    private final List<String> names;

    private TopicTemplate(String template, Pattern pattern, List<String> names) {
        this.template = template;
        this.pattern = pattern;
        this.names = names;
    }

    /** A template that reads no ids: they must come from the payload. */
    public static TopicTemplate none() {
        return NONE;
    }

    /**
     * Parses a template.
     *
     * @throws IllegalArgumentException naming the bad placeholder or level
     */
    public static TopicTemplate parse(String template) {
        if (template == null || template.isBlank()) {
            return NONE;
        }
        StringBuilder regex = new StringBuilder("^");
        List<String> names = new ArrayList<>();
        String[] levels = template.trim().split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            if (i > 0) {
                regex.append('/');
            }
            String level = levels[i];
            if (level.equals("#")) {
                if (i != levels.length - 1) {
                    throw new IllegalArgumentException("'#' must be the last level of topic template '" + template + "'");
                }
                regex.setLength(regex.length() - (i > 0 ? 1 : 0));
                regex.append("(?:/.*)?");
                continue;
            }
            if (level.equals("+")) {
                regex.append("[^/]+");
                continue;
            }
            appendLevel(template, level, regex, names);
        }
        return new TopicTemplate(template.trim(), Pattern.compile(regex.append('$').toString()), List.copyOf(names));
    }

    private static void appendLevel(String template, String level, StringBuilder regex, List<String> names) {
        Matcher m = PLACEHOLDER.matcher(level);
        int last = 0;
        while (m.find()) {
            String name = m.group(1);
            if (!KNOWN.contains(name)) {
                throw new IllegalArgumentException("unknown placeholder {" + name + "} in topic template '" + template
                        + "'; allowed: " + KNOWN);
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException("placeholder {" + name + "} appears twice in '" + template + "'");
            }
            names.add(name);
            regex.append(Pattern.quote(level.substring(last, m.start()))).append("(?<").append(name).append(">[^/]+?)");
            last = m.end();
        }
        String rest = level.substring(last);
        if (rest.contains("{") || rest.contains("}") || rest.contains("+") || rest.contains("#")) {
            throw new IllegalArgumentException("malformed level '" + level + "' in topic template '" + template + "'");
        }
        regex.append(Pattern.quote(rest));
    }

    /** The ids a topic gives; empty when the topic does not fit the template. */
    public TopicIds read(String topic) {
        if (pattern == null) {
            return TopicIds.NONE;
        }
        Matcher m = pattern.matcher(topic);
        if (!m.matches()) {
            return TopicIds.NONE;
        }
        Map<String, String> values = new LinkedHashMap<>();
        names.forEach(n -> values.put(n, m.group(n)));
        String meter = values.get(METER_ID);
        String channel = values.get(CHANNEL);
        if (meter != null && channel != null) {
            meter = meter + "-" + channel;
        }
        return new TopicIds(Optional.ofNullable(meter), Optional.ofNullable(values.get(BUILDING_ID)),
                Optional.ofNullable(values.get(LOCATION_ID)));
    }

    /** Whether the template has the placeholder {@code {name}}. */
    public boolean names(String placeholder) {
        return names.contains(placeholder);
    }

    @Override
    public String toString() {
        return template;
    }
}
