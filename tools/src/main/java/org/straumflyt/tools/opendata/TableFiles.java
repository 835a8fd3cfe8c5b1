package org.straumflyt.tools.opendata;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.straumflyt.model.wire.Json;
import org.straumflyt.model.QualityFlag;

/**
 * Writes a table as CSV (RFC 4180: comma, CRLF, double quotes where needed, UTF-8, a header line) and as JSON (an
 * array of objects keyed by the column names). Numbers are written plainly, never in exponent notation, rounded to
 * {@value #DECIMALS} decimals (µWh for kWh), which removes binary floating-point noise such as
 * {@code 0.30000000000000004}. Each file is written beside its target and moved into place, so a reader never
 * sees half a file.
 *
 * <p>CSV text cells are guarded against formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell that
 * starts with {@code = + - @}, a tab or a carriage return as a formula, and building names and ids come from the
 * registry, which the exporting municipality does not fully control. Such a cell gets a leading apostrophe, which
 * spreadsheets show as text and do not evaluate. Numeric cells are left alone: {@code -3.5} is a number, not a
 * formula, and must stay one.
 */
public final class TableFiles {
    static final int DECIMALS = 6;
    /** A cell starting with one of these is a formula to a spreadsheet. */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private TableFiles() {
    }

    public static <R> void writeCsv(Path file, List<Column<R>> columns, List<R> rows) throws IOException {
        Path temporary = temporary(file);
        try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            out.write(columns.stream().map(Column::name).collect(Collectors.joining(",")));
            out.write("\r\n");
            for (R row : rows) {
                out.write(columns.stream().map(c -> csvCell(c.value().apply(row))).collect(Collectors.joining(",")));
                out.write("\r\n");
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    public static <R> void writeJson(Path file, List<Column<R>> columns, List<R> rows) throws IOException {
        Path temporary = temporary(file);
        try (OutputStream stream = Files.newOutputStream(temporary);
                JsonGenerator json = Json.mapper().getFactory().createGenerator(stream, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartArray();
            for (R row : rows) {
                json.writeStartObject();
                for (Column<R> column : columns) {
                    json.writeFieldName(column.name());
                    writeJsonValue(json, column.value().apply(row));
                }
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String csvCell(Object value) {
        if (value instanceof Collection<?> flags) {
            return quote(guarded(flags.stream().map(TableFiles::text).sorted().collect(Collectors.joining(";"))));
        }
        if (value == null || value instanceof Double d && !Double.isFinite(d)) {
            return "";
        }
        if (value instanceof Number) {
            return quote(text(value));
        }
        return quote(guarded(text(value)));
    }

    /** Text a spreadsheet would evaluate, made inert with a leading apostrophe; plain numbers stay numbers. */
    static String guarded(String text) {
        if (text.isEmpty() || FORMULA_STARTS.indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    private static void writeJsonValue(JsonGenerator json, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (value instanceof Double d) {
            if (Double.isFinite(d)) {
                json.writeNumber(decimal(d));
            } else {
                json.writeNull();
            }
        } else if (value instanceof Integer i) {
            json.writeNumber(i);
        } else if (value instanceof Collection<?> flags) {
            json.writeStartArray();
            for (String flag : flags.stream().map(TableFiles::text).sorted().toList()) {
                json.writeString(flag);
            }
            json.writeEndArray();
        } else {
            json.writeString(text(value));
        }
    }

    /** The text of a value: plain decimals, ISO dates and instants, lower-case wire names. */
    static String text(Object value) {
        if (value instanceof Double d) {
            return decimal(d).toPlainString();
        }
        if (value instanceof QualityFlag flag) {
            return flag.name().toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }

    private static BigDecimal decimal(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded;
    }

    private static String quote(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static Path temporary(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".tmp");
    }
}
