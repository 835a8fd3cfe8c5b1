package org.straumflyt.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The image configuration (entrypoint, user, ports, environment, labels) inside an OCI image-layout tarball as
 * {@code jib:buildTar} writes it: index.json -> manifest -> config, all under blobs/sha256/.
 */
final class OciImage {
    private static final int BLOCK = 512;
    private static final long SMALL = 1 << 20; // json entries are small; layers are skipped

    private OciImage() {
    }

    static JsonNode config(Path tarball) {
        Map<String, byte[]> entries = smallEntries(tarball);
        JsonMapper json = new JsonMapper();
        try {
            JsonNode index = json.readTree(require(entries, "index.json"));
            JsonNode manifest = json.readTree(require(entries, blob(index.path("manifests").get(0))));
            return json.readTree(require(entries, blob(manifest.path("config")))).path("config");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Entries up to 1 MiB of a POSIX (ustar) tar file, by name. */
    private static Map<String, byte[]> smallEntries(Path tarball) {
        Map<String, byte[]> entries = new HashMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball))) {
            byte[] header = new byte[BLOCK];
            while (in.readNBytes(header, 0, BLOCK) == BLOCK && header[0] != 0) {
                String name = text(header, 0, 100);
                String prefix = text(header, 345, 155);
                long size = Long.parseLong(text(header, 124, 12).trim(), 8);
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                String path = (prefix.isEmpty() ? name : prefix + "/" + name).replaceFirst("^\\./", "");
                if (size <= SMALL) {
                    byte[] content = in.readNBytes((int) size);
                    in.skipNBytes(padded - size);
                    entries.put(path, content);
                } else {
                    in.skipNBytes(padded);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tarball, e);
        }
        return entries;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
    }
}
