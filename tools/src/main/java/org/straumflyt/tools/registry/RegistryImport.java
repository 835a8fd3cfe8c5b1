package org.straumflyt.tools.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.straumflyt.model.Building;
import org.straumflyt.tools.ImportSink;
import org.straumflyt.tools.Progress;

/**
 * Reads a whole registry file, reports every rejected line on stderr, and sends the valid buildings to an
 * {@link ImportSink}: all of them when no line was rejected; with {@code skipInvalid} the buildings without a rejected
 * line; otherwise none. The whole file is read before anything is sent, so a bad line at the end never leaves a
 * half-imported registry.
 */
public final class RegistryImport {
    private final RegistryFormat format;
    private final boolean skipInvalid;
    private final PrintStream err;
    private final Clock clock;
    private final Duration progressInterval;

    public RegistryImport(RegistryFormat format, boolean skipInvalid, PrintStream err, Clock clock,
            Duration progressInterval) {
        this.format = format;
        this.skipInvalid = skipInvalid;
        this.err = err;
        this.clock = clock;
        this.progressInterval = progressInterval;
    }

    /**
     * Checks the file and, when it may, sends its buildings and waits until the sink confirmed them.
     *
     * @param shown called with each building that is sent, in the file's order (the dry run prints them)
     * @throws RegistryFile.MalformedFileException when the file is not in the expected shape (nothing was sent)
     * @throws IllegalStateException               when the sink failed (what was confirmed stays imported)
     */
    public RegistryReport run(BufferedReader reader, ImportSink<Building> sink, Consumer<Building> shown)
            throws IOException, InterruptedException {
        RegistryFile file = format.parse(reader);
        file.rejections().forEach(r -> err.println("rejected " + r.message()));
        int meters = file.entries().stream().mapToInt(e -> e.building().meters().size()).sum();
        boolean write = file.rejections().isEmpty() || skipInvalid;
        if (write) {
            Progress progress = new Progress(clock, progressInterval, err, "registry-import", "buildings");
            for (RegistryEntry entry : file.entries()) {
                shown.accept(entry.building());
                sink.send(entry.line(), entry.building());
                progress.tick(file.lines(), sink.acknowledged(), file.rejections().size());
            }
            sink.flush();
        }
        return new RegistryReport(file.lines(), file.entries().size(), meters, write ? sink.acknowledged() : 0,
                file.rejections().size(), write);
    }
}
