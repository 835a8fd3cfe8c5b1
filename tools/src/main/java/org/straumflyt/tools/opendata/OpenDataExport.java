package org.straumflyt.tools.opendata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.straumflyt.model.wire.Json;

/**
 * Writes one export into a directory: the daily and monthly tables as CSV and JSON, then {@value #METADATA_FILE}
 * describing them. The metadata is written last, so a directory with metadata always has every file it lists.
 */
public final class OpenDataExport {
    public static final String DAILY = "building-kpi-daily";
    public static final String MONTHLY = "building-kpi-monthly";
    public static final String METADATA_FILE = "dataset.jsonld";

    private OpenDataExport() {
    }

    /** Writes the files; returns the distributions written (the metadata file excluded). */
    public static List<DistributionFile> write(Path directory, Selection selection, DatasetMetadata metadata)
            throws IOException {
        Files.createDirectories(directory);
        List<DistributionFile> files = new ArrayList<>();
        for (FileFormat format : FileFormat.values()) {
            Path daily = directory.resolve(DAILY + "." + format.extension());
            write(daily, format, Columns.daily(), selection.daily());
            files.add(new DistributionFile(daily.getFileName().toString(), format,
                    "Energinøkkeltall per bygg og dag (" + format.name() + ")",
                    "Energy indicators per building and day (" + format.name() + ")",
                    selection.daily().size(), Files.size(daily)));
        }
        for (FileFormat format : FileFormat.values()) {
            Path monthly = directory.resolve(MONTHLY + "." + format.extension());
            write(monthly, format, Columns.monthly(), selection.monthly());
            files.add(new DistributionFile(monthly.getFileName().toString(), format,
                    "Energinøkkeltall per bygg og måned (" + format.name() + ")",
                    "Energy indicators per building and month (" + format.name() + ")",
                    selection.monthly().size(), Files.size(monthly)));
        }
        Path metadataFile = directory.resolve(METADATA_FILE);
        Path temporary = directory.resolve("." + METADATA_FILE + ".tmp");
        Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), DcatRecord.of(metadata, files));
        Files.move(temporary, metadataFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return files;
    }

    private static <R> void write(Path file, FileFormat format, List<Column<R>> columns, List<R> rows)
            throws IOException {
        switch (format) {
            case CSV -> TableFiles.writeCsv(file, columns, rows);
            case JSON -> TableFiles.writeJson(file, columns, rows);
        }
    }
}
