package org.straumflyt.tools.prices;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.tools.CsvFields;
import org.straumflyt.tools.InputFiles;

/**
 * Reads the simple price CSV (docs/COST.md): UTF-8, a header, then one price per line, separated by {@code ;} (or
 * {@code ,} when the header is), e.g.
 * <pre>
 * zone;start;price_eur_per_mwh
 * NO1;2026-01-15T00:00+01:00;92.48
 * </pre>
 * The third column is {@code price_eur_per_mwh} or {@code price_nok_per_kwh}; an optional fourth column
 * {@code resolution} ({@code PT60M}, {@code PT15M}) gives the market time unit, which otherwise follows from the
 * delivery day (an hour before 2025-10-01, a quarter-hour from then on). Starts are ISO-8601 with an offset or
 * {@code Z}. With {@code ;} a decimal comma is read too. Blank lines and {@code #} comments are skipped.
 */
final class SimplePriceCsv {
    static final String EUR_COLUMN = "price_eur_per_mwh";
    static final String NOK_COLUMN = "price_nok_per_kwh";
    static final String HEADER = "zone;start;" + EUR_COLUMN + " (or " + NOK_COLUMN + ")[;resolution]";
    private static final char BOM = '\uFEFF';

    private SimplePriceCsv() {
    }

    /**
     * Parses the whole file.
     *
     * @throws PriceFileException when the header is not one of the expected ones
     */
    static ParsedPrices parse(BufferedReader reader) throws IOException {
        ParsedPrices.Builder result = new ParsedPrices.Builder();
        Header header = null;
        String line;
        while ((line = InputFiles.readLine(reader, result.lines + 1)) != null) {
            long number = ++result.lines;
            String text = number == 1 && !line.isEmpty() && line.charAt(0) == BOM ? line.substring(1) : line;
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            if (header == null) {
                header = header(number, text);
                continue;
            }
            parseLine(number, text, header, result);
        }
        return result.build();
    }

    private record Header(char delimiter, boolean eur, boolean withResolution) {
    }

    private static Header header(long number, String text) {
        char delimiter = text.contains(";") ? ';' : ',';
        List<String> names = CsvFields.split(text, delimiter).stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        boolean shape = (names.size() == 3 || names.size() == 4 && names.get(3).equals("resolution"))
                && names.get(0).equals("zone") && names.get(1).equals("start")
                && (names.get(2).equals(EUR_COLUMN) || names.get(2).equals(NOK_COLUMN));
        if (!shape) {
            throw new PriceFileException("line " + number + ": expected the header '" + HEADER + "', got '"
                    + text.strip() + "'");
        }
        return new Header(delimiter, names.get(2).equals(EUR_COLUMN), names.size() == 4);
    }

    private static void parseLine(long number, String text, Header header, ParsedPrices.Builder result) {
        List<String> fields = CsvFields.split(text, header.delimiter());
        int expected = header.withResolution() ? 4 : 3;
        if (fields.size() != expected) {
            result.reject(number, "expected " + expected + " fields, got " + fields.size() + " in '" + text.strip()
                    + "'");
            return;
        }
        Optional<BiddingZone> zone = BiddingZone.parse(fields.get(0));
        if (zone.isEmpty()) {
            result.reject(number, "zone '" + fields.get(0) + "' is not a Norwegian bidding zone NO1..NO5");
            return;
        }
        Instant start;
        try {
            start = OffsetDateTime.parse(fields.get(1)).toInstant();
        } catch (DateTimeParseException e) {
            result.reject(number, "start '" + fields.get(1) + "' is not an ISO-8601 time with an offset "
                    + "(e.g. 2026-01-15T00:00+01:00 or 2026-01-14T23:00Z)");
            return;
        }
        String priceText = fields.get(2);
        String number2 = header.delimiter() == ';' ? priceText.replace(',', '.') : priceText;
        double price;
        try {
            price = Double.parseDouble(number2);
        } catch (NumberFormatException e) {
            result.reject(number, (header.eur() ? EUR_COLUMN : NOK_COLUMN) + " '" + priceText + "' is not a number");
            return;
        }
        Duration unit;
        if (header.withResolution() && !fields.get(3).isEmpty()) {
            unit = PriceResolutions.parse(fields.get(3));
            if (unit == null) {
                result.reject(number, "resolution '" + fields.get(3) + "' is not PT60M or PT15M");
                return;
            }
        } else {
            LocalDate deliveryDay = start.atZone(DayAheadPrice.MARKET_ZONE).toLocalDate();
            unit = DayAheadPrice.marketTimeUnit(deliveryDay);
        }
        if (start.toEpochMilli() % unit.toMillis() != 0) {
            result.reject(number, "start " + fields.get(1) + " is not at the start of a " + unit.toMinutes()
                    + "-minute market time unit");
            return;
        }
        result.points.add(new PricePoint(number, zone.get(), start, start.plus(unit), price,
                header.eur() ? "EUR" : "NOK", header.eur() ? "MWh" : "kWh"));
    }
}
