package org.straumflyt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The objects a kustomization under deploy/kubernetes makes, as far as these checks need them: its resources (files
 * and directories), its components, and the ConfigMaps of its configMapGenerator (from {@code envs} files), under the
 * names the workloads use for them (kustomize adds the hash suffix to both). No kubectl needed.
 *
 * @param directory  the kustomization's directory
 * @param documents  every object, resources of bases and components included
 * @param generated  the names of the ConfigMaps made by a configMapGenerator with the hash suffix
 */
record Kustomization(Path directory, List<JsonNode> documents, List<String> generated) {

    static Kustomization load(String relative) {
        Kustomization kustomization = new Kustomization(Repo.path(relative), new ArrayList<>(), new ArrayList<>());
        kustomization.add(Repo.path(relative));
        return kustomization;
    }

    /** The kustomization file itself. */
    static JsonNode file(String relative) {
        return Repo.yaml(Repo.path(relative).resolve("kustomization.yaml"));
    }

    private void add(Path dir) {
        JsonNode kustomization = Repo.yaml(dir.resolve("kustomization.yaml"));
        List<JsonNode> entries = new ArrayList<>();
        kustomization.path("resources").forEach(entries::add);
        kustomization.path("components").forEach(entries::add);
        for (JsonNode entry : entries) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                add(path);
            } else {
                documents.addAll(Repo.yamlDocuments(path));
            }
        }
        for (JsonNode generator : kustomization.path("configMapGenerator")) {
            ObjectNode configMap = JsonNodeFactory.instance.objectNode();
            configMap.put("apiVersion", "v1").put("kind", "ConfigMap");
            configMap.putObject("metadata").put("name", generator.path("name").asText());
            ObjectNode data = configMap.putObject("data");
            for (JsonNode envs : generator.path("envs")) {
                envFile(dir.resolve(envs.asText())).forEach(data::put);
            }
            generator.path("literals").forEach(l -> data.put(l.asText().substring(0, l.asText().indexOf('=')),
                    l.asText().substring(l.asText().indexOf('=') + 1)));
            documents.add(configMap);
            if (!generator.path("options").path("disableNameSuffixHash").asBoolean(false)
                    && !kustomization.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false)) {
                generated.add(generator.path("name").asText());
            }
        }
    }

    /** An env file as kustomize reads it: KEY=VALUE lines; blank lines and # comments skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : Repo.text(file).split("\n")) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(file + ": not KEY=VALUE: " + line);
            }
            values.put(line.substring(0, eq).trim(), line.substring(eq + 1));
        }
        return values;
    }

    List<JsonNode> ofKind(String kind) {
        return documents.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }
}
