package org.straumflyt.servers;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The text of a {@code mosquitto.conf} written by the harness. */
final class MosquittoConfig {

    private MosquittoConfig() {
    }

    /**
     * @param port         the listener port on 127.0.0.1
     * @param dataDir      the persistence directory
     * @param tls          TLS files, or {@code null} for plain TCP
     * @param requireCert  whether TLS clients must present a certificate
     * @param passwordFile the password file, or {@code null} for anonymous access
     * @param autosave     how often the in-memory state is saved to disk
     * @param sizeLimit    the largest payload accepted, bytes; 0 for no limit
     */
    static String render(int port, Path dataDir, TlsFiles tls, boolean requireCert, Path passwordFile,
                         Duration autosave, int sizeLimit) {
        List<String> lines = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            lines.add("# running as root: keep root instead of dropping to user mosquitto, who cannot write here");
            lines.add("user root");
        }
        lines.add("per_listener_settings false");
        lines.add("listener " + port + " " + Ports.LOOPBACK);
        if (tls != null) {
            lines.add("cafile " + tls.caCert());
            lines.add("certfile " + tls.serverCert());
            lines.add("keyfile " + tls.serverKey());
            lines.add("require_certificate " + requireCert);
        }
        if (passwordFile == null) {
            lines.add("allow_anonymous true");
        } else {
            lines.add("allow_anonymous false");
            lines.add("password_file " + passwordFile);
        }
        lines.add("max_queued_messages 1000000");
        lines.add("max_inflight_messages 0");
        lines.add("message_size_limit " + sizeLimit);
        lines.add("set_tcp_nodelay true");
        lines.add("persistence true");
        lines.add("persistence_location " + dataDir + "/");
        lines.add("autosave_interval " + Math.max(1, autosave.toSeconds()));
        lines.add("log_dest stderr");
        lines.add("log_timestamp_format %Y-%m-%dT%H:%M:%S");
        for (String type : List.of("error", "warning", "notice", "information")) {
            lines.add("log_type " + type);
        }
        return String.join("\n", lines) + "\n";
    }
}
