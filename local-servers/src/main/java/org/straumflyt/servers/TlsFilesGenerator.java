package org.straumflyt.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Generates {@link TlsFiles} with the {@code openssl} and {@code keytool} command-line tools. */
final class TlsFilesGenerator {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String PASSWORD = "changeit";
    private static final List<String> EC_KEY = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes");

    private final Path dir;
    private final String openssl;

    private TlsFilesGenerator(Path dir) {
        this.dir = dir;
        this.openssl = Executables.require("openssl", "apt-get install -y openssl").toString();
    }

    /**
     * Generates a CA, a server certificate for 127.0.0.1/localhost and a client certificate in {@code dir}.
     *
     * @param dir an existing directory
     * @return the generated files
     */
    static TlsFiles generate(Path dir) throws IOException {
        return new TlsFilesGenerator(dir).generate();
    }

    private TlsFiles generate() throws IOException {
        openssl(command("req", "-x509", "-days", "3650", "-subj", "/CN=straumflyt test CA",
                "-keyout", "ca.key", "-out", "ca.crt"));
        Files.writeString(dir.resolve("server.ext"),
                "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n", StandardCharsets.UTF_8);
        signed("server", "/CN=127.0.0.1");
        signed("client", "/CN=straumflyt-test-client");
        openssl(List.of(openssl, "pkcs12", "-export", "-in", "client.crt", "-inkey", "client.key", "-certfile", "ca.crt",
                "-name", "client", "-out", "client.p12", "-passout", "pass:" + PASSWORD));
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Executables.run(dir, TIMEOUT, List.of(keytool, "-importcert", "-noprompt", "-alias", "ca", "-file", "ca.crt",
                "-keystore", "truststore.p12", "-storetype", "PKCS12", "-storepass", PASSWORD));
        return new TlsFiles(dir.resolve("ca.crt"), dir.resolve("server.crt"), dir.resolve("server.key"),
                dir.resolve("client.crt"), dir.resolve("client.key"), dir.resolve("truststore.p12"),
                dir.resolve("client.p12"), PASSWORD);
    }

    private void signed(String name, String subject) {
        openssl(command("req", "-subj", subject, "-keyout", name + ".key", "-out", name + ".csr"));
        openssl(List.of(openssl, "x509", "-req", "-days", "3650", "-in", name + ".csr", "-CA", "ca.crt",
                "-CAkey", "ca.key", "-CAcreateserial", "-extfile", name + ".ext", "-out", name + ".crt"));
    }

    private List<String> command(String subcommand, String... args) {
        List<String> command = new ArrayList<>(List.of(openssl, subcommand));
        command.addAll(EC_KEY);
        command.addAll(List.of(args));
        return command;
    }

    private void openssl(List<String> command) {
        Executables.run(dir, TIMEOUT, command);
    }
}
