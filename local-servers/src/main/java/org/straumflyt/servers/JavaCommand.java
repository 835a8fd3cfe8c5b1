package org.straumflyt.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM: the current {@code java} executable, the current
 * classpath and {@link ParentWatchdog} in front of the real main class. The options go into a
 * {@code java @argfile} so a long test classpath never hits the OS argument length limit, and
 * the file documents the exact command in the server directory.
 */
final class JavaCommand {

    private JavaCommand() {
    }

    /**
     * Writes {@code argFile} and returns the command that runs it.
     *
     * @param argFile    where to write the JVM arguments
     * @param jvmOptions options such as {@code -Xmx512m}
     * @param mainClass  the server's main class
     * @param args       the main class's arguments
     * @return the command for {@link ProcessBuilder}
     */
    static List<String> of(Path argFile, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> lines = new ArrayList<>(jvmOptions);
        lines.add("-cp");
        lines.add(System.getProperty("java.class.path"));
        lines.add(ParentWatchdog.class.getName());
        lines.add(Long.toString(ProcessHandle.current().pid()));
        lines.add(mainClass);
        lines.addAll(args);
        List<String> quoted = lines.stream().map(JavaCommand::quote).toList();
        try {
            Files.write(argFile, quoted, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + argFile, e);
        }
        return List.of(javaExecutable(), "@" + argFile);
    }

    /** The {@code java} launcher of the running JVM. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String quote(String arg) {
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
