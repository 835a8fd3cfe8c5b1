package org.straumflyt.tools.prices;

import java.io.BufferedReader;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.straumflyt.tools.CsvFields;
import org.straumflyt.tools.InputFiles;

/**
 * NOK per EUR: one fixed rate, or a table of daily rates (Norges Bank publishes one per banking day). A delivery day
 * takes the rate of that day or, on a day without one (weekends, holidays), the latest earlier rate no more than
 * {@value #MAX_DAYS_BACK} days back.
 */
final class ExchangeRates {
    static final int MAX_DAYS_BACK = 7;
    static final String HEADER = "date;nok_per_eur";

    private final Double fixed;
    private final NavigableMap<LocalDate, Double> daily;

    private ExchangeRates(Double fixed, NavigableMap<LocalDate, Double> daily) {
        this.fixed = fixed;
        this.daily = daily;
    }

    /** No rates: only prices in NOK can be imported. */
    static ExchangeRates none() {
        return new ExchangeRates(null, new TreeMap<>());
    }

    static ExchangeRates fixed(double nokPerEur) {
        return new ExchangeRates(nokPerEur, new TreeMap<>());
    }

    /**
     * Reads a table {@value #HEADER} (or comma-separated), ISO dates, a decimal point (or a decimal comma with
     * {@code ;}); blank lines and {@code #} comments are skipped.
     *
     * @throws PriceFileException naming the first bad line
     */
    static ExchangeRates table(BufferedReader reader, String name) throws IOException {
        TreeMap<LocalDate, Double> rates = new TreeMap<>();
        Character delimiter = null;
        String line;
        long number = 0;
        while ((line = InputFiles.readLine(reader, number + 1)) != null) {
            number++;
            String text = line.replace("\uFEFF", "");
            if (text.isBlank() || text.stripLeading().startsWith("#")) {
                continue;
            }
            if (delimiter == null) {
                delimiter = text.contains(";") ? ';' : ',';
                List<String> names = CsvFields.split(text, delimiter).stream()
                        .map(f -> f.toLowerCase(Locale.ROOT)).toList();
                if (!names.equals(List.of("date", "nok_per_eur"))) {
                    throw new PriceFileException(name + " line " + number + ": expected the header '" + HEADER
                            + "', got '" + text.strip() + "'");
                }
                continue;
            }
            List<String> fields = CsvFields.split(text, delimiter);
            try {
                LocalDate date = LocalDate.parse(fields.get(0));
                double rate = Double.parseDouble(delimiter == ';' ? fields.get(1).replace(',', '.') : fields.get(1));
                if (!(rate > 0) || Double.isInfinite(rate) || fields.size() != 2) {
                    throw new NumberFormatException();
                }
                Double earlier = rates.put(date, rate);
                if (earlier != null && earlier != rate) {
                    throw new PriceFileException(name + " line " + number + ": " + date + " has a second rate "
                            + rate + " (first " + earlier + ")");
                }
            } catch (DateTimeParseException | NumberFormatException | IndexOutOfBoundsException e) {
                throw new PriceFileException(name + " line " + number + ": expected an ISO date and a positive "
                        + "rate, got '" + text.strip() + "'");
            }
        }
        if (rates.isEmpty()) {
            throw new PriceFileException(name + " holds no rates");
        }
        return new ExchangeRates(null, rates);
    }

    /** Whether there is any way to convert EUR. */
    boolean any() {
        return fixed != null || !daily.isEmpty();
    }

    /** The rate for a delivery day, or {@code null} when there is none. */
    Rate rateFor(LocalDate day) {
        if (fixed != null) {
            return new Rate(fixed, null);
        }
        Map.Entry<LocalDate, Double> entry = daily.floorEntry(day);
        if (entry == null || entry.getKey().isBefore(day.minusDays(MAX_DAYS_BACK))) {
            return null;
        }
        return new Rate(entry.getValue(), entry.getKey());
    }

    /** A rate and the date it is of ({@code null} for a fixed rate). */
    record Rate(double nokPerEur, LocalDate date) {
    }
}
