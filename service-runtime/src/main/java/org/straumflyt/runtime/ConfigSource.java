package org.straumflyt.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.config.ConfigException;

/**
 * Collects a service's raw configuration. Later sources win:
 * <ol>
 *   <li>the defaults of the service's {@code ConfigDef};</li>
 *   <li>a properties file, named by {@code --config <path>} or the environment variable {@value #FILE_VARIABLE};</li>
 *   <li>environment variables: key {@code mqtt.session.expiry.seconds} is read from
 *       {@code STRAUMFLYT_MQTT_SESSION_EXPIRY_SECONDS};</li>
 *   <li>secrets from files: {@code STRAUMFLYT_INFLUX_TOKEN_FILE=/run/secrets/token} sets {@code influx.token}
 *       to the file's content, trimmed.</li>
 * </ol>
 * Keys are lower-case words joined by dots, so that the mapping to and from environment names is exact.
 * {@value #FILE_VARIABLE} and {@value #LOG_LEVEL_VARIABLE} (read by the logging configuration) are not keys.
 */
public final class ConfigSource {
    public static final String ENV_PREFIX = "STRAUMFLYT_";
    public static final String FILE_VARIABLE = ENV_PREFIX + "CONFIG_FILE";
    public static final String LOG_LEVEL_VARIABLE = ENV_PREFIX + "LOG_LEVEL";
    /** Variables of ours that are not configuration keys. */
    public static final Set<String> RUNTIME_VARIABLES = Set.of(FILE_VARIABLE, LOG_LEVEL_VARIABLE);
    private static final String FILE_SUFFIX = "_FILE";

    private ConfigSource() {
    }

    /** The environment variable that sets a key, e.g. {@code kafka.bootstrap.servers} → {@code STRAUMFLYT_KAFKA_BOOTSTRAP_SERVERS}. */
    public static String environmentName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The key an environment variable sets, or {@code null} if it is not one of ours. */
    static String keyOf(String environmentName) {
        if (!environmentName.startsWith(ENV_PREFIX)) {
            return null;
        }
        return environmentName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** Reads the configuration of this process: its arguments and its environment. */
    public static Map<String, String> load(String[] args, Map<String, String> environment) {
        Map<String, String> values = new TreeMap<>();
        Path file = configFile(args, environment);
        if (file != null) {
            values.putAll(readFile(file));
        }
        values.putAll(fromEnvironment(environment, ""));
        return values;
    }

    /**
     * The keys that environment variables set, as {@link #load} reads them (without the properties file): key
     * {@code kafka.security.protocol} from {@code STRAUMFLYT_KAFKA_SECURITY_PROTOCOL}, or from the file named by
     * {@code STRAUMFLYT_KAFKA_SECURITY_PROTOCOL_FILE} (secrets; the file's content, trimmed). Also for programs that
     * are not services, such as the operator tools.
     *
     * @param keyPrefix only keys that start with it (e.g. {@code kafka.}); {@code ""} for all. Secret files of other
     *                  keys are not read.
     * @throws ConfigException when a secret file cannot be read, naming its variable and file
     */
    public static Map<String, String> fromEnvironment(Map<String, String> environment, String keyPrefix) {
        Map<String, String> values = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (RUNTIME_VARIABLES.contains(name)) {
                return;
            }
            if (isSecretFile(name)) {
                String key = secretKeyOf(name);
                if (key.startsWith(keyPrefix)) {
                    values.put(key, readSecret(name, Path.of(value)));
                }
                return;
            }
            String key = keyOf(name);
            if (key != null && key.startsWith(keyPrefix)) {
                values.put(key, value);
            }
        });
        return values;
    }

    /** The keys whose values {@link #load} reads from secret files ({@code STRAUMFLYT_<KEY>_FILE}). */
    public static Set<String> keysFromFiles(Map<String, String> environment) {
        Set<String> keys = new TreeSet<>();
        environment.keySet().stream().filter(ConfigSource::isSecretFile).forEach(name -> keys.add(secretKeyOf(name)));
        return keys;
    }

    private static boolean isSecretFile(String name) {
        return name.startsWith(ENV_PREFIX) && name.endsWith(FILE_SUFFIX) && !RUNTIME_VARIABLES.contains(name);
    }

    private static String secretKeyOf(String name) {
        return keyOf(name.substring(0, name.length() - FILE_SUFFIX.length()));
    }

    private static Path configFile(String[] args, Map<String, String> environment) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    throw new ConfigException("--config needs a path to a properties file");
                }
                return Path.of(args[i + 1]);
            }
        }
        String fromEnvironment = environment.get(FILE_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isBlank() ? null : Path.of(fromEnvironment);
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + file.toAbsolutePath() + " (--config or "
                    + FILE_VARIABLE + "): " + e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return values;
    }

    private static String readSecret(String variable, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ConfigException(variable + " (the secret of key " + secretKeyOf(variable) + ") names "
                    + file.toAbsolutePath() + ", which cannot be read: " + e);
        }
    }
}
