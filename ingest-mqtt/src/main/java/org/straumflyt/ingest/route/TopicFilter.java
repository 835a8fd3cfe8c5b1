package org.straumflyt.ingest.route;

import java.util.Objects;

/**
 * An MQTT topic filter ({@code +} one level, {@code #} the rest), validated as MQTT 5 requires.
 *
 * @param filter the filter without any {@code $share/<group>/} prefix
 */
public record TopicFilter(String filter) {

    public TopicFilter {
        Objects.requireNonNull(filter, "filter");
        if (filter.isEmpty()) {
            throw new IllegalArgumentException("a topic filter must not be empty");
        }
        if (filter.startsWith("$share/")) {
            throw new IllegalArgumentException("topic filter '" + filter
                    + "' must not carry $share/: set mqtt.shared.group instead");
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            boolean hash = level.contains("#");
            boolean plus = level.contains("+");
            if ((hash && (!level.equals("#") || i != levels.length - 1)) || (plus && !level.equals("+"))) {
                throw new IllegalArgumentException("invalid topic filter '" + filter
                        + "': '+' must fill a whole level and '#' must be the whole last level");
            }
        }
    }

    /** Whether a concrete topic matches this filter (MQTT 5 §4.7; '$' topics only match filters starting with '$'). */
    public boolean matches(String topic) {
        if (topic.startsWith("$") && !filter.startsWith("$")) {
            return false;
        }
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length) {
                return false;
            }
            if (!f[i].equals("+") && !f[i].equals(t[i])) {
                return false;
            }
        }
        return f.length == t.length;
    }

    /** The filter to subscribe with: shared when a group is given, so several instances split the messages. */
    public String subscription(String sharedGroup) {
        return sharedGroup == null || sharedGroup.isBlank() ? filter : "$share/" + sharedGroup + "/" + filter;
    }

    @Override
    public String toString() {
        return filter;
    }
}
