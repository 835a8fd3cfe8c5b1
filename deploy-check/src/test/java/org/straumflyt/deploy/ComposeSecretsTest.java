package org.straumflyt.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compose stack's secrets: none in the repository; the {@code secrets} service's script creates each one on the
 * first start, in the volume of the container that reads it, and keeps them afterwards. The script runs here for
 * real (with the host's sh and mosquitto_passwd), on a directory standing in for the volumes.
 */
class ComposeSecretsTest {
    private static final String INIT_SERVICE = "secrets";
    private static final String INIT_MOUNT = "/secrets";
    private static final Path INIT_SCRIPT = ComposeFile.DIRECTORY.resolve("secrets/init-secrets.sh");
    private static final Path TOKEN_SCRIPT = ComposeFile.DIRECTORY.resolve("influxdb/create-tokens.sh");
    private static final Pattern GRAFANA_FILE = Pattern.compile("\\$__file\\{([^}]+)}");

    private final ComposeFile compose = ComposeFile.load();

    @TempDir
    Path volumes;

    @Test
    void noCredentialIsInTheRepository() throws IOException {
        // The only file of the secrets directory is the script; Mosquitto's password file is made at the first start.
        try (Stream<Path> files = Files.list(ComposeFile.DIRECTORY.resolve("secrets"))) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("init-secrets.sh");
        }
        assertThat(ComposeFile.DIRECTORY.resolve("mosquitto/passwd")).doesNotExist();
        assertThat(compose.root().has("secrets")).as("top-level file secrets").isFalse();
        // Nothing secret is given as a value: passwords and tokens come from files.
        for (String service : compose.serviceNames()) {
            compose.environment(service).forEach((variable, value) -> {
                boolean secret = variable.contains("PASSWORD") || variable.contains("TOKEN");
                if (secret) {
                    assertThat(variable).as(service).endsWith("_FILE");
                    assertThat(value).as(service + " " + variable).startsWith("/run/secrets/");
                }
            });
        }
    }

    @Test
    void firstStartCreatesEverySecretFileAServiceReads() throws Exception {
        // Given the secret volumes after the first start
        Result result = initSecrets();
        assertThat(result.exitCode()).as(result.output()).isZero();

        // Then every secret file a container reads is there: made by the script, or by InfluxDB's first start
        Map<String, String> writtenByInfluxdb = tokenFiles();
        List<String> checked = new ArrayList<>();
        for (String service : compose.serviceNames()) {
            if (service.equals(INIT_SERVICE)) {
                continue;
            }
            for (String path : secretPaths(service)) {
                String[] source = compose.mountedFrom(service, path);
                assertThat(source).as(service + " reads " + path + " from a mounted volume").isNotNull();
                String volume = source[0];
                assertThat(volume).as(service + " " + path).startsWith("secrets-");
                if (writtenByInfluxdb.containsKey(volume)) {
                    assertThat(writtenByInfluxdb.get(volume)).as(service + " " + path).isEqualTo(source[1]);
                } else {
                    Path file = volumeDirectory(volume).resolve(source[1]);
                    assertThat(file).as(service + " " + path).isRegularFile().isNotEmptyFile();
                }
                checked.add(service + " " + path);
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void secretsAreRandomAndDistinctAndASecondStartKeepsThem() throws Exception {
        assertThat(initSecrets().exitCode()).isZero();
        Map<Path, String> first = secretFiles();
        assertThat(first).hasSize(6);
        assertThat(first.values()).doesNotHaveDuplicates()
                .filteredOn(v -> !v.contains("$7$")).allMatch(v -> v.matches("[0-9a-f]{64}"));

        Result second = initSecrets();

        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output()).contains("all present");
        assertThat(secretFiles()).isEqualTo(first);
    }

    @Test
    void refusesWhenAStoreWasSetUpButItsAdminSecretIsGone() throws Exception {
        assertThat(initSecrets().exitCode()).isZero();
        Path influxdb = Files.createDirectories(volumes.resolve("state"));
        Files.writeString(influxdb.resolve("influxd.bolt"), "set up");
        Path token = volumeDirectory("secrets-influxdb").resolve("admin-token");
        Files.delete(token);

        Result result = initSecrets(Map.of("INFLUXDB_STATE", influxdb.resolve("influxd.bolt").toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("admin-token is missing but InfluxDB was set up")
                .contains("docker compose down -v");
        assertThat(token).doesNotExist();
    }

    @Test
    void saysHowToRemakeATokenInfluxdbMadeWhenItIsGone() throws Exception {
        // Given a stack that started once, but whose InfluxDB never wrote the tokens (or they were deleted)
        assertThat(initSecrets().exitCode()).isZero();
        Path influxdb = Files.createDirectories(volumes.resolve("state"));
        Files.writeString(influxdb.resolve("influxd.bolt"), "set up");

        Result result = initSecrets(Map.of("INFLUXDB_STATE", influxdb.resolve("influxd.bolt").toString()));

        // Then the stack starts, InfluxDB will not be healthy, and the log says how to make the tokens again
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("influxdb-publisher/influxdb-token is gone")
                .contains("influxdb-grafana/influxdb-read-token is gone")
                .contains("docker compose exec influxdb /docker-entrypoint-initdb.d/create-tokens.sh");
    }

    @Test
    void influxdbIsHealthyOnlyOnItsFinalPortAndWithBothTokens() {
        String test = String.join(" ", ComposeFile.iterable(compose.service("influxdb").path("healthcheck")
                .path("test").elements()).stream().map(n -> n.asText()).toList());
        // the first start's setup answers on another port, before the tokens exist
        assertThat(test).contains("influx ping --host http://localhost:8086");
        for (String line : Repo.text(TOKEN_SCRIPT).lines().filter(l -> l.startsWith("token ")).toList()) {
            assertThat(test).contains("test -s " + line.substring(line.lastIndexOf(' ') + 1));
        }
        for (String dependent : List.of("kpi-publisher", "grafana")) {
            assertThat(compose.service(dependent).path("depends_on").path("influxdb").path("condition").asText())
                    .as(dependent).isEqualTo("service_healthy");
        }
    }

    @Test
    void mosquittoChecksTheIngestAndMetersPasswordsAgainstThePasswordFile() throws Exception {
        assertThat(initSecrets().exitCode()).isZero();
        Map<String, String> hashes = new LinkedHashMap<>();
        String passwordFile = mosquittoPasswordFile();
        String[] source = compose.mountedFrom("mosquitto", passwordFile);
        assertThat(source).as("mosquitto mounts " + passwordFile).isNotNull();
        for (String line : Files.readAllLines(volumeDirectory(source[0]).resolve(source[1]))) {
            hashes.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1));
        }

        // ingest's account, with the password ingest reads
        Map<String, String> ingest = compose.environment("ingest-mqtt");
        String[] ingestPassword = compose.mountedFrom("ingest-mqtt", ingest.get("STRAUMFLYT_MQTT_PASSWORD_FILE"));
        String password = Files.readString(volumeDirectory(ingestPassword[0]).resolve(ingestPassword[1]));
        assertThat(hashes).containsKey(ingest.get("STRAUMFLYT_MQTT_USERNAME"));
        assertThat(matches(hashes.get(ingest.get("STRAUMFLYT_MQTT_USERNAME")), password)).isTrue();
        assertThat(matches(hashes.get(ingest.get("STRAUMFLYT_MQTT_USERNAME")), password + "x")).isFalse();
        // the meters' account, with the password the operator reads from Mosquitto's secrets
        String meters = Files.readString(volumeDirectory(source[0]).resolve("meters-password"));
        assertThat(matches(hashes.get("meters"), meters)).isTrue();
        assertThat(hashes).hasSize(2);
    }

    @Test
    void grafanaReadsTheKpisWithAReadOnlyTokenAndNeverSeesTheAdminToken() {
        String datasources = Repo.text(Repo.path("deploy/grafana/provisioning/datasources/straumflyt.yml"));
        Matcher matcher = GRAFANA_FILE.matcher(datasources);
        assertThat(matcher.find()).isTrue();
        String[] source = compose.mountedFrom("grafana", matcher.group(1));
        assertThat(source).as("Grafana mounts " + matcher.group(1)).isNotNull();

        // InfluxDB writes that file with a token that may only read the bucket
        String line = tokenLine(source[1]);
        assertThat(line).contains("--read-bucket").doesNotContain("--write-bucket").doesNotContain("--all-access");
        assertThat(compose.mounts("grafana")).doesNotContainValue(adminVolume());
        // and the publisher's may only write it
        String[] publisher = compose.mountedFrom("kpi-publisher",
                compose.environment("kpi-publisher").get("STRAUMFLYT_INFLUX_TOKEN_FILE"));
        assertThat(tokenLine(publisher[1])).contains("--write-bucket").doesNotContain("--read-bucket");
        for (String service : compose.serviceNames()) {
            if (!service.equals("influxdb") && !service.equals(INIT_SERVICE)) {
                assertThat(compose.mounts(service)).as(service).doesNotContainValue(adminVolume());
            }
        }
    }

    /** The volume holding InfluxDB's admin token (DOCKER_INFLUXDB_INIT_ADMIN_TOKEN_FILE). */
    private String adminVolume() {
        return compose.mountedFrom("influxdb",
                compose.environment("influxdb").get("DOCKER_INFLUXDB_INIT_ADMIN_TOKEN_FILE"))[0];
    }

    /** The line of create-tokens.sh that writes the token file {@code name}. */
    private static String tokenLine(String name) {
        return Repo.text(TOKEN_SCRIPT).lines().filter(l -> l.startsWith("token ") && l.endsWith("/" + name))
                .findFirst().orElseThrow(() -> new AssertionError("create-tokens.sh writes no " + name));
    }

    /** Volume -> file below it, for each token InfluxDB's first start writes (create-tokens.sh's `token` lines). */
    private Map<String, String> tokenFiles() {
        assertThat(compose.mounts("influxdb")).containsEntry("/docker-entrypoint-initdb.d/create-tokens.sh",
                "./influxdb/create-tokens.sh");
        Map<String, String> files = new LinkedHashMap<>();
        Repo.text(TOKEN_SCRIPT).lines().filter(l -> l.startsWith("token ")).forEach(line -> {
            String path = line.substring(line.lastIndexOf(' ') + 1);
            String[] source = compose.mountedFrom("influxdb", path);
            assertThat(source).as("influxdb mounts a volume for " + path).isNotNull();
            files.put(source[0], source[1]);
        });
        assertThat(files).hasSize(2);
        return files;
    }

    /** Every secret file path a service's configuration names: *_FILE variables, Grafana's $__file{...}. */
    private List<String> secretPaths(String service) {
        List<String> paths = new ArrayList<>();
        compose.environment(service).forEach((variable, value) -> {
            if (variable.endsWith("_FILE")) {
                paths.add(value);
            }
        });
        if (service.equals("grafana")) {
            Matcher matcher = GRAFANA_FILE.matcher(
                    Repo.text(Repo.path("deploy/grafana/provisioning/datasources/straumflyt.yml")));
            while (matcher.find()) {
                paths.add(matcher.group(1));
            }
        }
        if (service.equals("mosquitto")) {
            paths.add(mosquittoPasswordFile());
        }
        return paths;
    }

    private static String mosquittoPasswordFile() {
        return Repo.text(ComposeFile.DIRECTORY.resolve("mosquitto/mosquitto.conf")).lines()
                .filter(l -> l.startsWith("password_file ")).map(l -> l.substring("password_file ".length()).trim())
                .findFirst().orElseThrow();
    }

    /** Where the init service sees a secret volume: its mount below /secrets, here below the temporary directory. */
    private Path volumeDirectory(String volume) {
        for (Map.Entry<String, String> mount : compose.mounts(INIT_SERVICE).entrySet()) {
            if (mount.getValue().equals(volume) && mount.getKey().startsWith(INIT_MOUNT + "/")) {
                return volumes.resolve("secrets").resolve(mount.getKey().substring(INIT_MOUNT.length() + 1));
            }
        }
        throw new AssertionError("the secrets service does not mount " + volume);
    }

    private Map<Path, String> secretFiles() throws IOException {
        Map<Path, String> files = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(volumes.resolve("secrets"))) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                files.put(file, Files.readString(file));
            }
        }
        return files;
    }

    private Result initSecrets() throws Exception {
        return initSecrets(Map.of());
    }

    /** Runs the script as the `secrets` service does, with this user as the owner the images' users would be. */
    private Result initSecrets(Map<String, String> environment) throws Exception {
        assertThat(compose.service(INIT_SERVICE).path("entrypoint").toString()).contains("init-secrets.sh")
                .contains("\"" + INIT_MOUNT + "\"");
        String owner = Files.getAttribute(volumes, "unix:uid") + ":" + Files.getAttribute(volumes, "unix:gid");
        ProcessBuilder builder = new ProcessBuilder("sh", INIT_SCRIPT.toString(), volumes.resolve("secrets").toString())
                .redirectErrorStream(true);
        builder.environment().put("MOSQUITTO_OWNER", owner);
        builder.environment().put("INFLUXDB_STATE", volumes.resolve("no-influxdb").toString());
        builder.environment().put("GRAFANA_STATE", volumes.resolve("no-grafana").toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("mosquitto_passwd is needed: apt-get install -y mosquitto")
                .doesNotContain("mosquitto_passwd: not found");
        return new Result(process.exitValue(), output);
    }

    /** Whether a Mosquitto 2 password hash ($7$iterations$salt$hash, PBKDF2-HMAC-SHA512) is of this password. */
    static boolean matches(String mosquittoHash, String password) throws GeneralSecurityException {
        String[] parts = mosquittoHash.split("\\$");
        assertThat(parts).as(mosquittoHash).hasSize(5);
        assertThat(parts[1]).isEqualTo("7");
        byte[] salt = Base64.getDecoder().decode(parts[3]);
        byte[] expected = Base64.getDecoder().decode(parts[4]);
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, Integer.parseInt(parts[2]),
                expected.length * 8);
        byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        return java.security.MessageDigest.isEqual(expected, actual);
    }

    private record Result(int exitCode, String output) {
    }
}
