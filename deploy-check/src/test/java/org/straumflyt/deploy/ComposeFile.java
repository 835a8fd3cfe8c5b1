package org.straumflyt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * deploy/compose/docker-compose.yml, read the way docker compose reads it: {@code ${NAME:-default}} and
 * {@code ${NAME}} take their value from the .env file next to it, else the default.
 */
final class ComposeFile {
    static final Path DIRECTORY = Repo.path("deploy/compose");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?-([^}]*))?}");

    private final JsonNode root;
    private final Map<String, String> dotEnv;

    private ComposeFile(JsonNode root, Map<String, String> dotEnv) {
        this.root = root;
        this.dotEnv = dotEnv;
    }

    static ComposeFile load() {
        Map<String, String> dotEnv = new LinkedHashMap<>();
        for (String line : Repo.text(DIRECTORY.resolve(".env")).split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
                dotEnv.put(trimmed.substring(0, trimmed.indexOf('=')), trimmed.substring(trimmed.indexOf('=') + 1));
            }
        }
        return new ComposeFile(Repo.yaml(DIRECTORY.resolve("docker-compose.yml")), dotEnv);
    }

    JsonNode root() {
        return root;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").path(name);
        if (service.isMissingNode()) {
            throw new IllegalArgumentException("compose has no service " + name);
        }
        return service;
    }

    List<String> serviceNames() {
        return iterable(root.path("services").fieldNames());
    }

    /** A service's environment with variables substituted (map or list form). */
    Map<String, String> environment(String service) {
        Map<String, String> environment = new LinkedHashMap<>();
        JsonNode node = service(service).path("environment");
        if (node.isArray()) {
            node.forEach(entry -> {
                String text = entry.asText();
                int eq = text.indexOf('=');
                environment.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? "" : substitute(text.substring(eq + 1)));
            });
        } else {
            node.fields().forEachRemaining(e -> environment.put(e.getKey(), substitute(e.getValue().asText())));
        }
        return environment;
    }

    /** A service's volumes (short syntax) as mount point -> source (a named volume or a ./ path), options dropped. */
    Map<String, String> mounts(String service) {
        Map<String, String> mounts = new LinkedHashMap<>();
        for (JsonNode volume : service(service).path("volumes")) {
            String[] parts = substitute(volume.asText()).split(":");
            mounts.put(parts[1], parts[0]);
        }
        return mounts;
    }

    /**
     * Where a file path inside a service's container comes from: the source (volume or ./ path) of the mount that
     * holds it and the path below that mount, or {@code null} when no mount holds it.
     */
    String[] mountedFrom(String service, String path) {
        String[] best = null;
        int bestLength = -1;
        for (Map.Entry<String, String> mount : mounts(service).entrySet()) {
            String target = mount.getKey();
            if (path.startsWith(target + "/") && target.length() > bestLength) {
                best = new String[] {mount.getValue(), path.substring(target.length() + 1)};
                bestLength = target.length();
            }
        }
        return best;
    }

    /** The published ports (short syntax), variables substituted. */
    List<String> ports(String service) {
        return iterable(service(service).path("ports").elements()).stream().map(p -> substitute(p.asText())).toList();
    }

    String substitute(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = dotEnv.getOrDefault(matcher.group(1), matcher.group(2) == null ? "" : matcher.group(2));
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        Iterable<T> iterable = () -> iterator;
        return StreamSupport.stream(iterable.spliterator(), false).toList();
    }
}
