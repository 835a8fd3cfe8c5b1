package org.straumflyt.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;

/**
 * Validators for {@link ConfigDef} keys, so that a wrong value stops a service at start with a message naming the key,
 * not later in a client library. Each message says what is expected.
 */
public final class ConfigValidators {
    private ConfigValidators() {
    }

    /** {@code host:port[,host:port...]}, ports 1..65535 (IPv6 hosts in brackets). */
    public static ConfigDef.Validator hostPortList() {
        return described("host:port[,host:port...]", (name, value) -> {
            List<?> entries = (List<?>) value;
            if (entries.isEmpty()) {
                throw new ConfigException(name, "", "at least one host:port is needed");
            }
            for (Object entry : entries) {
                String address = entry.toString().trim();
                String host = Utils.getHost(address);
                Integer port = Utils.getPort(address);
                if (host == null || host.isEmpty() || port == null || port < 1 || port > 65_535) {
                    throw new ConfigException(name, address, "expected host:port with a port of 1..65535");
                }
            }
        });
    }

    /**
     * An absolute URI with one of {@code schemes}, a host, an optional port of 1..65535, and, when {@code withPath}
     * is false, nothing after the authority (no path, query or fragment).
     */
    public static ConfigDef.Validator uri(List<String> schemes, boolean withPath, String example) {
        return described(String.join("/", schemes) + " URI, e.g. " + example, (name, value) -> {
            if (value == null) {
                return;
            }
            String text = value.toString().trim();
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                throw new ConfigException(name, text, "not a URI (" + e.getReason() + "); expected e.g. " + example);
            }
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || !schemes.contains(scheme)) {
                throw new ConfigException(name, text, "the scheme must be one of " + String.join(", ", schemes)
                        + "; expected e.g. " + example);
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new ConfigException(name, text, "no host (or a host name with characters not allowed in one); "
                        + "expected e.g. " + example);
            }
            if (uri.getPort() == 0 || uri.getPort() > 65_535) {
                throw new ConfigException(name, text, "the port must be 1..65535");
            }
            boolean hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/");
            if (!withPath && (hasPath || uri.getRawQuery() != null || uri.getRawFragment() != null)) {
                throw new ConfigException(name, text, "give the server's base URL without a path (drop '"
                        + text.substring(text.indexOf(uri.getRawAuthority()) + uri.getRawAuthority().length())
                        + "'), e.g. " + example);
            }
        });
    }

    /** A time-zone id such as {@code Europe/Oslo}. */
    public static ConfigDef.Validator zoneId() {
        return described("time-zone id, e.g. Europe/Oslo", (name, value) -> {
            try {
                ZoneId.of(value.toString().trim());
            } catch (DateTimeException e) {
                throw new ConfigException(name, value, "not a time-zone id (" + e.getMessage() + "), e.g. Europe/Oslo");
            }
        });
    }

    /** A value that {@code parse} accepts; its exceptions become a {@link ConfigException} naming the key. */
    public static ConfigDef.Validator parsedBy(String description, Consumer<Object> parse) {
        return described(description, (name, value) -> {
            if (value == null) {
                return;
            }
            try {
                parse.accept(value);
            } catch (ConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        });
    }

    private static ConfigDef.Validator described(String description, ConfigDef.Validator check) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                check.ensureValid(name, value);
            }

            @Override
            public String toString() {
                return description;
            }
        };
    }
}
