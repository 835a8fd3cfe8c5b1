package org.straumflyt.servers;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads the last lines of a (possibly large) log file for failure messages. */
final class LogTail {

    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    /**
     * Formats the last {@code lines} lines of {@code file} for an error message.
     *
     * @param file  the log file
     * @param lines how many lines to show at most
     * @return a block of text starting with a newline, never {@code null}
     */
    static String of(Path file, int lines) {
        if (!Files.isRegularFile(file)) {
            return "\n(no log file at " + file + ")";
        }
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] buffer = new byte[size];
            raf.seek(length - size);
            raf.readFully(buffer);
            List<String> all = Arrays.asList(new String(buffer, StandardCharsets.UTF_8).split("\\R"));
            List<String> tail = all.subList(Math.max(0, all.size() - lines), all.size());
            return "\n---- last " + tail.size() + " lines of " + file + " ----\n" + String.join("\n", tail)
                    + "\n---- end of " + file.getFileName() + " ----";
        } catch (IOException e) {
            return "\n(cannot read " + file + ": " + e + ")";
        }
    }
}
