package org.straumflyt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;

/**
 * What is inside an OCI image-layout tarball as {@code jib:buildTar} writes it: the image configuration (entrypoint,
 * user, ports, environment, labels; index.json -> manifest -> config, all under blobs/sha256/) and the files of its
 * layers (each a gzipped tar blob).
 */
final class OciImage {
    private static final int BLOCK = 512;
    private static final long SMALL = 1 << 20; // json entries are small; layers are skipped
    private static final int GZIP_MAGIC = 0x8b1f;

    private OciImage() {
    }

    /** The files of an image's layers, by path without a leading slash, and the content of the small ones asked for. */
    record Layers(Set<String> paths, Map<String, byte[]> contents) {
        String text(String path) {
            byte[] content = contents.get(path);
            if (content == null) {
                throw new IllegalStateException("no " + path + " in the image's layers");
            }
            return new String(content, StandardCharsets.UTF_8);
        }
    }

    static JsonNode config(Path tarball) {
        Map<String, byte[]> entries = new HashMap<>();
        read(tarball, (path, size, in) -> {
            if (size <= SMALL) {
                entries.put(path, in.readAllBytes());
            }
        });
        JsonMapper json = new JsonMapper();
        try {
            JsonNode index = json.readTree(require(entries, "index.json"));
            JsonNode manifest = json.readTree(require(entries, blob(index.path("manifests").get(0))));
            return json.readTree(require(entries, blob(manifest.path("config")))).path("config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of every layer, with the content of those that {@code wanted} names. */
    static Layers layers(Path tarball, Predicate<String> wanted) {
        Set<String> paths = new HashSet<>();
        Map<String, byte[]> contents = new HashMap<>();
        read(tarball, (blob, size, in) -> {
            InputStream buffered = new BufferedInputStream(in);
            buffered.mark(2);
            int magic = buffered.read() | buffered.read() << 8;
            buffered.reset();
            if (magic != GZIP_MAGIC) {
                return;
            }
            walk(new GZIPInputStream(buffered), (path, fileSize, file) -> {
                String name = path.replaceFirst("^/", "");
                paths.add(name);
                if (wanted.test(name)) {
                    contents.put(name, file.readAllBytes());
                }
            });
        });
        return new Layers(paths, contents);
    }

    private static String blob(JsonNode descriptor) {
        return "blobs/" + descriptor.path("digest").asText().replace(':', '/');
    }

    private static byte[] require(Map<String, byte[]> entries, String name) {
        byte[] entry = entries.get(name);
        if (entry == null) {
            throw new IllegalStateException("no " + name + " in the image tarball (entries: " + entries.keySet() + ")");
        }
        return entry;
    }

    @FunctionalInterface
    private interface EntryReader {
        /** Reads (or not) one regular file of a tar; {@code in} ends where the file ends. */
        void read(String path, long size, InputStream in) throws IOException;
    }

    private static void read(Path tarball, EntryReader reader) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball))) {
            walk(in, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tarball, e);
        }
    }

    /** The regular files of a POSIX (ustar) tar, with PAX long names. */
    private static void walk(InputStream in, EntryReader reader) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
            String name = text(header, 0, 100);
            String prefix = text(header, 345, 155);
            long size = Long.parseLong(text(header, 124, 12).trim(), 8);
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            char type = (char) header[156];
            String path = longName != null ? longName : prefix.isEmpty() ? name : prefix + "/" + name;
            path = path.replaceFirst("^\\./", "");
            longName = null;
            Bounded entry = new Bounded(in, size);
            if (type == 'x') {
                longName = paxPath(entry.readAllBytes());
            } else if (type == '0' || type == 0) {
                reader.read(path, size, entry);
            }
            entry.skipNBytes(entry.remaining);
            in.skipNBytes(padded - size);
        }
    }

    /** The {@code path} record of a PAX extended header ("<length> path=<value>\n"), or {@code null}. */
    private static String paxPath(byte[] records) {
        for (String record : new String(records, StandardCharsets.UTF_8).split("\n")) {
            int key = record.indexOf(" path=");
            if (key >= 0) {
                return record.substring(key + " path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }

    /** The next {@code size} bytes of a stream; closing it does not close the stream. */
    private static final class Bounded extends FilterInputStream {
        private long remaining;

        Bounded(InputStream in, long size) {
            super(in);
            this.remaining = size;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = in.skip(Math.min(n, remaining));
            remaining -= skipped;
            return skipped;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), remaining);
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the tar stream stays open
        }
    }
}
