package org.straumflyt.tools.registry;

import java.util.List;

/**
 * What an input file holds.
 *
 * @param lines      lines read, header, blank lines and comments included
 * @param entries    the valid registry records, in the order of the file
 * @param rejections the lines that are not valid, in the order of the file; a building with a rejected line is not
 *                   among the entries (a registry record replaces the whole building, so writing it without the bad
 *                   meter would drop that meter)
 */
public record RegistryFile(long lines, List<RegistryEntry> entries, List<Rejection> rejections) {
    public RegistryFile {
        entries = List.copyOf(entries);
        rejections = List.copyOf(rejections);
    }

    /** The input is not in the expected shape at all; nothing of it can be imported. */
    public static final class MalformedFileException extends IllegalArgumentException {
        public MalformedFileException(String message) {
            super(message);
        }
    }
}
