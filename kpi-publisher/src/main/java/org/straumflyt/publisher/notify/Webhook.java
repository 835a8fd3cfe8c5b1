package org.straumflyt.publisher.notify;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import org.straumflyt.model.Alert;

/**
 * A webhook findings are posted to, and which findings: a hook without routes gets every finding; with routes, a
 * finding that matches any of them.
 *
 * @param name   the hook's name in the configuration
 * @param url    where to post
 * @param routes its filters, or empty for all
 */
public record Webhook(String name, URI url, List<Route> routes) {
    public Webhook {
        routes = List.copyOf(routes);
    }

    /** Whether this hook gets {@code alert}. */
    public boolean wants(Alert alert) {
        return routes.isEmpty() || routes.stream().anyMatch(r -> r.matches(alert));
    }

    /**
     * One filter: {@code municipality=3201}, {@code category=school} or {@code kind=meter_silent}; several values
     * separated by {@code +}.
     */
    public record Route(String field, Set<String> values) {
        boolean matches(Alert a) {
            String value = switch (field) {
                case "municipality" -> a.municipality();
                case "category" -> a.category() == null ? null : a.category().wireName();
                default -> a.kind().wireName();
            };
            return value != null && values.contains(value);
        }
    }

    /**
     * The hooks of the settings: {@code webhooks} as {@code name=url} entries, {@code routes} as
     * {@code name:field=value[+value…]} entries.
     *
     * @throws ConfigException naming the bad entry and its key
     */
    public static List<Webhook> parse(String webhooksKey, List<String> webhooks, String routesKey,
            List<String> routes) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String entry : webhooks) {
            int eq = entry.indexOf('=');
            if (eq < 1) {
                throw new ConfigException(webhooksKey, entry, "expected name=url");
            }
            URI url;
            try {
                url = URI.create(entry.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new ConfigException(webhooksKey, entry, e.getMessage());
            }
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
                throw new ConfigException(webhooksKey, entry, "the url must be http or https");
            }
            urls.put(entry.substring(0, eq).trim(), url);
        }
        Map<String, List<Route>> byHook = new LinkedHashMap<>();
        for (String entry : routes) {
            int colon = entry.indexOf(':');
            int eq = entry.indexOf('=', colon + 1);
            if (colon < 1 || eq < 0) {
                throw new ConfigException(routesKey, entry, "expected name:field=value");
            }
            String hook = entry.substring(0, colon).trim();
            String field = entry.substring(colon + 1, eq).trim();
            if (!urls.containsKey(hook)) {
                throw new ConfigException(routesKey, entry, "no webhook named '" + hook + "'");
            }
            if (!Set.of("municipality", "category", "kind").contains(field)) {
                throw new ConfigException(routesKey, entry, "the field must be municipality, category or kind");
            }
            Set<String> values = Set.of(entry.substring(eq + 1).trim().split("\\+"));
            byHook.computeIfAbsent(hook, h -> new ArrayList<>()).add(new Route(field, values));
        }
        List<Webhook> hooks = new ArrayList<>();
        urls.forEach((name, url) -> hooks.add(new Webhook(name, url, byHook.getOrDefault(name, List.of()))));
        return hooks;
    }
}
