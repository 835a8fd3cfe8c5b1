package org.straumflyt.e2e.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shell commands the project's documentation shows: every line of a fenced code block (continuation lines joined)
 * and every inline code span, of README.md and docs/*.md.
 */
final class DocumentedCommands {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern JAVA_JAR = Pattern.compile("java -jar (\\S+)(?: ([a-z][a-z-]*))?");

    /**
     * One command.
     *
     * @param file where it is, relative to the repository
     * @param line the line it starts on
     * @param text the command
     */
    record Command(String file, int line, String text) {
        /** The jar of its {@code java -jar}, if it has one. */
        String jar() {
            Matcher m = JAVA_JAR.matcher(text);
            return m.find() ? m.group(1) : null;
        }

        /** The subcommand after the jar ({@code registry-import}), if any. */
        String subcommand() {
            Matcher m = JAVA_JAR.matcher(text);
            return m.find() ? m.group(2) : null;
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    private DocumentedCommands() {
    }

    static List<Path> documents() throws IOException {
        List<Path> documents = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    static List<Command> all() throws IOException {
        List<Command> commands = new ArrayList<>();
        for (Path document : documents()) {
            commands.addAll(in(ROOT.relativize(document).toString(), Files.readAllLines(document)));
        }
        return commands;
    }

    /** The commands of one document. */
    static List<Command> in(String file, List<String> lines) {
        List<Command> commands = new ArrayList<>();
        boolean fenced = false;
        StringBuilder pending = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.stripLeading().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (!fenced) {
                Matcher inline = INLINE.matcher(line);
                while (inline.find()) {
                    commands.add(new Command(file, i + 1, inline.group(1)));
                }
                continue;
            }
            String text = line.strip();
            if (pending == null) {
                pending = new StringBuilder();
                pendingLine = i + 1;
            }
            if (text.endsWith("\\")) {
                pending.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            pending.append(text);
            commands.add(new Command(file, pendingLine, pending.toString().replaceAll("\\s+", " ").strip()));
            pending = null;
        }
        return commands;
    }
}
