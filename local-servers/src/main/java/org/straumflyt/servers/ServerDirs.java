package org.straumflyt.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Where test servers keep their logs and data: {@code <straumflyt.test.logs>/<name>-<port>/}. */
public final class ServerDirs {

    /** System property naming the base directory; defaults to {@code target/test-servers}. */
    public static final String BASE_DIR_PROPERTY = "straumflyt.test.logs";

    private ServerDirs() {
    }

    /**
     * The base directory of all test server directories.
     *
     * @return the absolute base directory (not necessarily existing yet)
     */
    public static Path baseDir() {
        return Path.of(System.getProperty(BASE_DIR_PROPERTY, "target/test-servers")).toAbsolutePath().normalize();
    }

    /**
     * Creates an empty directory for a new server, deleting a leftover of an earlier run that
     * used the same name and port.
     */
    static Path fresh(String name, int port) {
        Path dir = baseDir().resolve(name + "-" + port);
        try {
            if (Files.exists(dir)) {
                deleteRecursively(dir);
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create server directory " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
