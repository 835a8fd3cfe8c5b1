package org.straumflyt.runtime;

import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service as a process: reads and validates its configuration (exit code 2 with a clear message when it is
 * wrong), serves /health and /metrics, starts the service, and on SIGTERM or Ctrl-C closes it before exiting.
 * {@code --help} prints every configuration key with its environment variable, default and documentation.
 */
public final class ServiceLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceLauncher.class);
    public static final int EXIT_BAD_CONFIG = 2;
    public static final int EXIT_FAILED = 1;
    // Kafka's messages: 'Invalid value V for configuration KEY: why' and 'Missing required configuration "KEY" ...'.
    private static final Pattern KEY_IN_MESSAGE =
            Pattern.compile("for configuration ([^\\s:]+)|Missing required configuration \"([^\"]+)\"");

    private ServiceLauncher() {
    }

    /** Factory of a service from its validated configuration and context. */
    @FunctionalInterface
    public interface Factory<C extends ServiceConfig> {
        Service create(C config, ServiceContext context);
    }

    /** Runs the service until the JVM is asked to stop; never returns normally. */
    public static <C extends ServiceConfig> void run(String name, String[] args, ConfigDef definition,
            Function<Map<String, String>, C> configParser, Factory<C> factory) {
        if (Arrays.asList(args).contains("--help")) {
            System.out.println(usage(name, definition));
            System.exit(0);
        }
        C config;
        try {
            config = configParser.apply(ConfigSource.load(args, System.getenv()));
        } catch (ConfigException e) {
            exitBadConfig(name, explain(e) + System.lineSeparator() + "Run with --help to list every setting.");
            return;
        }
        LOG.info("{} configuration:{}", name,
                config.effectiveConfiguration(ConfigSource.keysFromFiles(System.getenv())));
        ServiceContext context = ServiceContext.create(name, config.kafkaMeterDetail());
        Health health = context.health();
        health.starting();
        // A thread that dies of an uncaught exception leaves the service half-working: not live, so it is restarted.
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOG.error("thread {} died", thread.getName(), e);
            health.fail("thread " + thread.getName() + " died: " + e);
        });
        OpsServer ops;
        try {
            ops = OpsServer.start(name, config.httpHost(), config.httpPort(), health, context.registry());
        } catch (UncheckedIOException | IllegalArgumentException e) {
            // A busy port, or an address (an unresolvable name) this host does not have.
            Throwable why = e instanceof UncheckedIOException ? e.getCause() : e;
            exitBadConfig(name, "cannot serve /health and /metrics on " + config.httpHost() + ":"
                    + config.httpPort() + " (" + why + "): set " + ServiceConfig.HTTP_PORT
                    + " (" + ConfigSource.environmentName(ServiceConfig.HTTP_PORT) + ") to a free port, or "
                    + ServiceConfig.HTTP_HOST + " (" + ConfigSource.environmentName(ServiceConfig.HTTP_HOST)
                    + ") to an address of this host");
            return;
        }
        KafkaConnectionWatch kafka = watchKafka(config, health);
        Service service;
        try {
            service = factory.create(config, context);
            service.start();
        } catch (ConfigException e) {
            exitBadConfig(name, explain(e), kafka, ops);
            return;
        } catch (Throwable e) {
            // Errors too (a class missing from the classpath): the ops server's thread would keep a JVM alive that
            // can never become ready, and an orchestrator only restarts a process that ends.
            LOG.error("{} failed to start", name, e);
            exit(EXIT_FAILED, kafka, ops);
            return;
        }
        health.started();
        LOG.info("{} started; /health and /metrics on port {}", name, ops.port());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("{} stopping", name);
            try {
                service.close();
                LOG.info("{} stopped", name);
            } catch (RuntimeException e) {
                LOG.warn("{} did not stop cleanly", name, e);
            } finally {
                if (kafka != null) {
                    kafka.close();
                }
                ops.close();
                stopped.countDown();
            }
        }, name + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts watching Kafka and makes it part of readiness ({@value KafkaConnectionWatch#CHECK}) when the service
     * uses Kafka ({@link ServiceConfig#usesKafka()}); {@code null} when it does not.
     */
    static KafkaConnectionWatch watchKafka(ServiceConfig config, Health health) {
        if (!config.usesKafka()) {
            return null;
        }
        KafkaConnectionWatch kafka = KafkaConnectionWatch.start(config);
        health.check(KafkaConnectionWatch.CHECK, kafka::status);
        return kafka;
    }

    /** Prints a configuration error, without a stack trace, and exits with {@value #EXIT_BAD_CONFIG}. */
    private static void exitBadConfig(String name, String message, AutoCloseable... resources) {
        System.err.println(name + ": configuration error: " + message);
        exit(EXIT_BAD_CONFIG, resources);
    }

    private static void exit(int status, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("while exiting: {}", e.toString());
            }
        }
        System.exit(status);
    }

    /** Adds the environment variable's name to Kafka's message, which names only the key. */
    static String explain(ConfigException e) {
        String message = e.getMessage();
        Matcher named = KEY_IN_MESSAGE.matcher(message);
        if (!named.find()) {
            return message;
        }
        String key = named.group(1) != null ? named.group(1) : named.group(2);
        return message + " (key " + key + ", environment variable " + ConfigSource.environmentName(key) + ")";
    }

    /** Every key with its environment variable, type, default and documentation. */
    public static String usage(String name, ConfigDef definition) {
        StringBuilder text = new StringBuilder(name)
                .append(" — configuration (file via --config or ").append(ConfigSource.FILE_VARIABLE)
                .append("; environment variables win; NAME_FILE reads a secret from a file)\n\n");
        definition.configKeys().values().stream()
                .sorted((a, b) -> a.name.compareTo(b.name))
                .forEach(key -> text.append(String.format("  %-40s %s%n      %s; default: %s%n      %s%n", key.name,
                        ConfigSource.environmentName(key.name), key.type, describeDefault(key), key.documentation)));
        text.append("\n  kafka.<property>  ").append(ConfigSource.ENV_PREFIX)
                .append("KAFKA_<PROPERTY>: passed to the Kafka clients, e.g. STRAUMFLYT_KAFKA_SECURITY_PROTOCOL=SASL_SSL\n");
        return text.toString();
    }

    private static String describeDefault(ConfigDef.ConfigKey key) {
        if (!key.hasDefault()) {
            return "(required)";
        }
        if (key.type == ConfigDef.Type.PASSWORD) {
            return key.defaultValue == null ? "(none)" : "[hidden]";
        }
        return String.valueOf(key.defaultValue);
    }
}
