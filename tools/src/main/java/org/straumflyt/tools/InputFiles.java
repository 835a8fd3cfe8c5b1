package org.straumflyt.tools;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.straumflyt.runtime.cli.UsageException;

/** The input files of the import commands: UTF-8 text, {@code -} for stdin. */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * Opens the file named by {@code --file}.
     *
     * @throws UsageException when it does not exist
     */
    public static BufferedReader open(String file, InputStream stdin) throws IOException {
        if (file.equals("-")) {
            return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("--file " + file + " does not exist");
        }
    }

    /**
     * Reads the next line.
     *
     * @param lineNumber the number it will have, for the message when it is not UTF-8
     * @throws IllegalStateException when the line is not UTF-8 text
     */
    public static String readLine(BufferedReader reader, long lineNumber) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("line " + lineNumber + " is not UTF-8 text", e);
        }
    }
}
