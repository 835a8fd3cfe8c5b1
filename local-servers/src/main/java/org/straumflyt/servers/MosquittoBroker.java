package org.straumflyt.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A Mosquitto 2 MQTT broker (Debian's {@code mosquitto} binary) on 127.0.0.1 with persistence,
 * so a persistent session and its queued messages survive {@link #restart()}.
 *
 * <p>{@link TestServers#mosquitto()} (or a {@code MosquittoBroker} parameter with
 * {@link MosquittoExtension}) gives the shared anonymous plain-TCP broker; {@link #startNew()}
 * a private one; {@link #builder()} a private one with TLS and/or password authentication.
 * If {@code mosquitto} is not installed, {@link #start()} fails with the install command.
 */
public final class MosquittoBroker extends ServerProcess {

    /**
     * The largest payload the broker accepts by default, bytes: 1 MiB, far above ingest's own 64 KiB limit (so an
     * oversized message still reaches ingest and becomes a visible TOO_LARGE dead letter) yet bounded, so that no
     * client can make the broker queue arbitrarily large messages.
     */
    public static final int DEFAULT_MESSAGE_SIZE_LIMIT = 1_048_576;

    /** The Debian command that installs the broker and its tools. */
    public static final String INSTALL_HINT = "apt-get install -y mosquitto mosquitto-clients";

    private final int port;
    private final Options options;
    private TlsFiles tlsFiles;

    private MosquittoBroker(Options options, int port) {
        super("mosquitto", port);
        this.port = port;
        this.options = options;
    }

    /**
     * Starts a new private anonymous plain-TCP broker. Close it when done.
     *
     * @return the running broker
     */
    public static MosquittoBroker startNew() {
        return builder().start();
    }

    /**
     * A builder for a private broker with TLS and/or password authentication.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The listener port on 127.0.0.1.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The server URI for Paho: {@code tcp://127.0.0.1:port} or {@code ssl://127.0.0.1:port}.
     *
     * @return the broker URI
     */
    public String uri() {
        return (options.tls() ? "ssl" : "tcp") + "://" + Ports.LOOPBACK + ":" + port;
    }

    /**
     * Whether the listener speaks TLS.
     *
     * @return {@code true} for a TLS listener
     */
    public boolean isTls() {
        return options.tls();
    }

    /**
     * The generated CA, server and client certificates of a TLS broker (available after the first start).
     *
     * @return the TLS files
     * @throws IllegalStateException if the broker has no TLS listener or was never started
     */
    public synchronized TlsFiles tlsFiles() {
        if (tlsFiles == null) {
            throw new IllegalStateException(options.tls() ? "start the broker first" : "this broker has no TLS listener");
        }
        return tlsFiles;
    }

    /**
     * The user name clients must present, or {@code null} for anonymous access.
     *
     * @return the user name
     */
    public String username() {
        return options.username();
    }

    /**
     * The password clients must present, or {@code null} for anonymous access.
     *
     * @return the password
     */
    public String password() {
        return options.password();
    }

    @Override
    protected synchronized void prepare(boolean firstStart) throws IOException {
        Path dataDir = Files.createDirectories(directory().resolve("data"));
        if (firstStart && options.tls()) {
            tlsFiles = TlsFilesGenerator.generate(Files.createDirectories(directory().resolve("tls")));
        }
        Path passwordFile = null;
        if (options.username() != null) {
            passwordFile = directory().resolve("passwords");
            if (firstStart) {
                String tool = Executables.require("mosquitto_passwd", INSTALL_HINT).toString();
                Executables.run(directory(), Duration.ofSeconds(30),
                        List.of(tool, "-c", "-b", passwordFile.toString(), options.username(), options.password()));
            }
        }
        Files.writeString(configFile(), MosquittoConfig.render(port, dataDir, tlsFiles, options.requireClientCertificate(),
                passwordFile, options.autosave(), options.messageSizeLimit()), StandardCharsets.UTF_8);
    }

    @Override
    protected List<String> command() {
        return List.of(executable().toString(), "-c", configFile().toString());
    }

    @Override
    protected boolean probeReady() {
        return Ports.isAccepting(port, Duration.ofMillis(200));
    }

    @Override
    protected Duration startTimeout() {
        return Duration.ofSeconds(20);
    }

    @Override
    protected Duration stopTimeout() {
        return Duration.ofSeconds(10);
    }

    private Path executable() {
        if (options.executable() == null) {
            return Executables.require("mosquitto", INSTALL_HINT);
        }
        if (!Files.isExecutable(options.executable())) {
            throw new IllegalStateException("'" + options.executable() + "' is not an executable mosquitto binary."
                    + " Install Mosquitto with: " + INSTALL_HINT);
        }
        return options.executable();
    }

    private Path configFile() {
        return directory().resolve("mosquitto.conf");
    }

    private record Options(boolean tls, boolean requireClientCertificate, String username, String password,
                           Duration autosave, Path executable, int messageSizeLimit) {
    }

    /** Options of a private broker; {@link #start()} or {@link #build()} creates it on a fresh port. */
    public static final class Builder {
        private boolean tls;
        private boolean requireClientCertificate;
        private String username;
        private String password;
        private Duration autosave = Duration.ofSeconds(1);
        private Path executable;
        private int messageSizeLimit = DEFAULT_MESSAGE_SIZE_LIMIT;

        private Builder() {
        }

        /**
         * Makes the listener TLS-only with a generated CA and server certificate.
         *
         * @return this builder
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /**
         * Makes the TLS listener demand a client certificate signed by the test CA (implies {@link #tls()}).
         *
         * @return this builder
         */
        public Builder requireClientCertificate() {
            this.tls = true;
            this.requireClientCertificate = true;
            return this;
        }

        /**
         * Disables anonymous access; clients must log in with these credentials.
         *
         * @param username the user name
         * @param password the password
         * @return this builder
         */
        public Builder credentials(String username, String password) {
            this.username = username;
            this.password = password;
            return this;
        }

        /**
         * How often Mosquitto saves its state to disk (default 1 s). A graceful stop always
         * saves; this bounds what a {@link ServerProcess#kill()} loses.
         *
         * @param interval the autosave interval, at least one second
         * @return this builder
         */
        public Builder autosaveInterval(Duration interval) {
            this.autosave = interval;
            return this;
        }

        /**
         * The largest payload the broker accepts ({@code message_size_limit}); default
         * {@link #DEFAULT_MESSAGE_SIZE_LIMIT}. 0 accepts anything MQTT allows, as a broker left at its defaults.
         *
         * @param bytes the limit, 0 for none
         * @return this builder
         */
        public Builder messageSizeLimit(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("the message size limit must not be negative, was " + bytes);
            }
            this.messageSizeLimit = bytes;
            return this;
        }

        /**
         * Uses this {@code mosquitto} binary instead of looking for it on PATH and in /usr/sbin.
         *
         * @param mosquitto the broker executable
         * @return this builder
         */
        public Builder executable(Path mosquitto) {
            this.executable = mosquitto;
            return this;
        }

        /**
         * Creates the broker on a fresh port without starting it.
         *
         * @return the broker, not running
         */
        public MosquittoBroker build() {
            Options options = new Options(tls, requireClientCertificate, username, password, autosave, executable,
                    messageSizeLimit);
            return new MosquittoBroker(options, Ports.freePort());
        }

        /**
         * Creates and starts the broker.
         *
         * @return the running broker
         */
        public MosquittoBroker start() {
            return started(build());
        }
    }
}
