package org.straumflyt.deploy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.straumflyt.ingest.IngestConfig;
import org.straumflyt.processor.ProcessorConfig;
import org.straumflyt.publisher.PublisherConfig;
import org.straumflyt.runtime.ConfigSource;

/**
 * A service's configuration as deploy files set it: environment variables named {@code STRAUMFLYT_<KEY>}, where the
 * key must be one the service defines, a {@code kafka.*} pass-through, or (ingest) a key of a listed route.
 *
 * @param name        the service name, also its container/compose service name
 * @param httpPort    the default port of /health and /metrics
 * @param definition  the service's ConfigDef
 * @param constructor builds (and so validates) the service's configuration from raw values
 */
record ServiceSettings(String name, int httpPort, ConfigDef definition,
        Function<Map<String, String>, Object> constructor) {

    static final List<ServiceSettings> ALL = List.of(
            new ServiceSettings("ingest-mqtt", IngestConfig.DEFAULT_HTTP_PORT, IngestConfig.definition(),
                    IngestConfig::new),
            new ServiceSettings("stream-processor", ProcessorConfig.DEFAULT_HTTP_PORT, ProcessorConfig.definition(),
                    ProcessorConfig::new),
            new ServiceSettings("kpi-publisher", PublisherConfig.DEFAULT_HTTP_PORT, PublisherConfig.definition(),
                    PublisherConfig::new));

    /** Variables every service reads that are not configuration keys: the config file, the log4j2 level. */
    private static final Set<String> RUNTIME_VARIABLES = ConfigSource.RUNTIME_VARIABLES;
    private static final String SECRET_SUFFIX = "_FILE";
    private static final Pattern ROUTE_KEY = Pattern.compile("route\\.([a-z0-9]+)\\.("
            + String.join("|", IngestConfig.ROUTE_SETTINGS).replace(".", "\\.") + ")");

    static ServiceSettings named(String name) {
        return ALL.stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    static boolean isService(String name) {
        return ALL.stream().anyMatch(s -> s.name.equals(name));
    }

    /**
     * The variables of {@code environment} (all of it: other variables are ignored) that do not name a
     * configuration key of this service, each with the reason.
     */
    List<String> unknownVariables(Map<String, String> environment) {
        List<String> routes = listedRoutes(environment);
        List<String> problems = new ArrayList<>();
        for (String variable : environment.keySet()) {
            if (!variable.startsWith(ConfigSource.ENV_PREFIX) || RUNTIME_VARIABLES.contains(variable)) {
                continue;
            }
            String key = keyOf(variable);
            boolean known = definition.names().contains(key) || key.startsWith("kafka.")
                    || isRouteKey(key, routes);
            if (!known) {
                problems.add(variable + " (key " + key + ") is not a setting of " + name);
            }
        }
        return problems;
    }

    /** Builds the service's configuration from the environment; secret files are replaced by a placeholder. */
    Object configure(Map<String, String> environment) {
        Map<String, String> values = new TreeMap<>();
        environment.forEach((variable, value) -> {
            if (variable.startsWith(ConfigSource.ENV_PREFIX) && !RUNTIME_VARIABLES.contains(variable)) {
                values.put(keyOf(variable), variable.endsWith(SECRET_SUFFIX) ? "secret-from-" + value : value);
            }
        });
        return constructor.apply(values);
    }

    /** The key a variable sets; {@code _FILE} variables set the key without the suffix from a file. */
    static String keyOf(String variable) {
        String name = variable.endsWith(SECRET_SUFFIX)
                ? variable.substring(0, variable.length() - SECRET_SUFFIX.length()) : variable;
        return name.substring(ConfigSource.ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private List<String> listedRoutes(Map<String, String> environment) {
        String routes = environment.get(ConfigSource.environmentName(IngestConfig.ROUTES));
        if (!name.equals("ingest-mqtt")) {
            return List.of();
        }
        if (routes == null) {
            return List.of(IngestConfig.DEFAULT_ROUTE);
        }
        return Arrays.stream(routes.split(",")).map(String::trim).toList();
    }

    private static boolean isRouteKey(String key, List<String> routes) {
        var matcher = ROUTE_KEY.matcher(key);
        return matcher.matches() && routes.contains(matcher.group(1));
    }
}
