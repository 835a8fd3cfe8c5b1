package org.straumflyt.tools.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BiddingZone;
import org.straumflyt.model.DayAheadPrice;
import org.straumflyt.tools.ImportSink;

class PriceImportTest {
    private static final Path DIR = Path.of("src/test/resources/prices");
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<DayAheadPrice> sent = new ArrayList<>();

    private PriceImport importer(ExchangeRates rates) {
        ImportSink<DayAheadPrice> sink = new ImportSink<>() {
            @Override
            public void send(long lineNumber, DayAheadPrice value) {
                sent.add(value);
            }

            @Override
            public long acknowledged() {
                return sent.size();
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        return new PriceImport(sink, rates, new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC(),
                Duration.ofHours(1));
    }

    @Test
    void eurPerMwhBecomesNokPerKwhWithTheDeliveryDaysRate() throws Exception {
        ExchangeRates rates = ExchangeRates.table(Files.newBufferedReader(DIR.resolve("rates.csv")), "rates.csv");
        ParsedPrices parsed = EntsoeXml.parse(Files.newBufferedReader(DIR.resolve("entsoe-a44-2026-01-15.xml")));

        PriceImportReport report = importer(rates).run(parsed);

        assertThat(report.complete()).isTrue();
        assertThat(report.prices()).isEqualTo(96);
        assertThat(report.skipped()).isEqualTo(24);
        DayAheadPrice first = sent.get(0);
        // delivery day 2026-01-15 has no rate of its own: 2026-01-14's 11.70; 80.00 EUR/MWh × 11.70 / 1000
        assertThat(first.nokPerKwh()).isEqualTo(0.936);
        assertThat(first.exchangeRate()).isEqualTo(11.70);
        assertThat(first.exchangeRateDate()).isEqualTo(LocalDate.of(2026, 1, 14));
        assertThat(first.zone()).isEqualTo(BiddingZone.NO1);
        assertThat(first.resolutionText()).isEqualTo("PT15M");
        // -2.10 × 11.70 / 1000 = -0.02457
        assertThat(sent.get(95).nokPerKwh()).isCloseTo(-0.02457, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void aRepeatedPriceIsSentOnceAndAContradictingOneIsRejected() throws IOException, InterruptedException {
        ParsedPrices parsed = SimplePriceCsv.parse(Files.newBufferedReader(DIR.resolve("prices-simple.csv")));

        PriceImportReport report = importer(ExchangeRates.none()).run(parsed);

        assertThat(sent).extracting(DayAheadPrice::start).containsExactly(Instant.parse("2025-09-29T22:00:00Z"),
                Instant.parse("2025-09-29T23:00:00Z"), Instant.parse("2025-09-30T22:15:00Z"));
        assertThat(report.duplicates()).isEqualTo(1);
        assertThat(report.rejected()).isEqualTo(3);
        assertThat(report.complete()).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "rejected line 8: NO1 at 2025-09-29T22:00:00Z has 0.6, but line 3 has 0.5123");
        assertThat(sent.get(0).exchangeRate()).isEqualTo(1.0);
        assertThat(sent.get(0).sourceCurrency()).isEqualTo("NOK");
    }

    @Test
    void eurPricesWithoutAnyRateAreRefusedBeforeAnythingIsSent() throws IOException {
        ParsedPrices parsed = EntsoeXml.parse(Files.newBufferedReader(DIR.resolve("entsoe-a44-2025-03-30.xml")));

        assertThatThrownBy(() -> importer(ExchangeRates.none()).run(parsed)).isInstanceOf(PriceFileException.class)
                .hasMessageContaining("--exchange-rates");
        assertThat(sent).isEmpty();
    }

    @Test
    void aDayWithoutARateIsRejectedAndAnImplausiblePriceToo() throws Exception {
        ParsedPrices parsed = EntsoeXml.parse(Files.newBufferedReader(DIR.resolve("entsoe-a44-2025-03-30.xml")));
        ExchangeRates rates = ExchangeRates.table(Files.newBufferedReader(DIR.resolve("rates.csv")), "rates.csv");

        PriceImportReport report = importer(rates).run(parsed);

        assertThat(report.rejected()).isEqualTo(23);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(
                "no NOK/EUR rate for 2025-03-30 or the 7 days before it");

        sent.clear();
        PriceImportReport fixed = importer(ExchangeRates.fixed(11_000)).run(parsed);
        assertThat(fixed.rejected()).isEqualTo(23);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("outside the plausible -10..100");
    }
}
