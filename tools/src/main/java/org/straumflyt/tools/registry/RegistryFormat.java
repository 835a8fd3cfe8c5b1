package org.straumflyt.tools.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Locale;
import org.straumflyt.runtime.cli.UsageException;

/** The input formats of {@code registry-import}. */
public enum RegistryFormat {
    /** One line per meter, see {@link RegistryColumns}. */
    CSV {
        @Override
        RegistryFile read(BufferedReader reader) throws IOException {
            return new RegistryCsvParser().parse(reader);
        }
    },
    /** An array of records as on {@code registry.buildings}. */
    JSON {
        @Override
        RegistryFile read(BufferedReader reader) throws IOException {
            return new RegistryJsonParser().parse(reader);
        }
    };

    /** Reads the input, then checks the records against each other. */
    public RegistryFile parse(BufferedReader reader) throws IOException {
        return RegistryChecks.check(read(reader));
    }

    abstract RegistryFile read(BufferedReader reader) throws IOException;

    /** The format given by {@code --format}, else the one the file name's extension says (CSV unless {@code .json}). */
    static RegistryFormat of(String option, String file) {
        if (option == null) {
            return file.toLowerCase(Locale.ROOT).endsWith(".json") ? JSON : CSV;
        }
        try {
            return valueOf(option.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format must be csv or json, got '" + option + "'");
        }
    }
}
