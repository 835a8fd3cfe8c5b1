package org.straumflyt.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
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
 */
public final class ConfigSource {
    public static final String ENV_PREFIX = "STRAUMFLYT_";
    public static final String FILE_VARIABLE = ENV_PREFIX + "CONFIG_FILE";
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
        environment.forEach((name, value) -> {
            if (name.equals(FILE_VARIABLE)) {
                return;
            }
            if (name.endsWith(FILE_SUFFIX) && name.startsWith(ENV_PREFIX)) {
                String key = keyOf(name.substring(0, name.length() - FILE_SUFFIX.length()));
                values.put(key, readSecret(name, Path.of(value)));
                return;
            }
            String key = keyOf(name);
            if (key != null) {
                values.put(key, value);
            }
        });
        return values;
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
            throw new ConfigException("cannot read configuration file " + file.toAbsolutePath() + ": " + e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return values;
    }

    private static String readSecret(String variable, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ConfigException(variable + " names " + file.toAbsolutePath() + ", which cannot be read: " + e);
        }
    }
}
