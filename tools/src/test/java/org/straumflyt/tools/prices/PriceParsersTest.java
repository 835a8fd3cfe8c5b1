package org.straumflyt.tools.prices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.straumflyt.model.BiddingZone;

class PriceParsersTest {
    private static final Path DIR = Path.of("src/test/resources/prices");

    private static BufferedReader file(String name) throws IOException {
        return Files.newBufferedReader(DIR.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void anEntsoeDocumentOfAQuarterHourDayFillsTheLeftOutPositionsOfCurveA03() throws IOException {
        ParsedPrices parsed = EntsoeXml.parse(file("entsoe-a44-2026-01-15.xml"));

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.points()).hasSize(96);
        assertThat(parsed.points()).allSatisfy(p -> {
            assertThat(p.zone()).isEqualTo(BiddingZone.NO1);
            assertThat(p.currency()).isEqualTo("EUR");
            assertThat(p.unit()).isEqualTo("MWh");
            assertThat(p.end().toEpochMilli() - p.start().toEpochMilli()).isEqualTo(15 * 60_000L);
        });
        // position n starts at 23:00Z + (n - 1) quarters
        assertThat(parsed.points().get(0).start()).isEqualTo(Instant.parse("2026-01-14T23:00:00Z"));
        assertThat(parsed.points().get(0).price()).isEqualTo(80.00);
        assertThat(parsed.points().get(1).price()).isEqualTo(81.20);
        assertThat(parsed.points().get(31).price()).as("position 32 repeats position 2").isEqualTo(81.20);
        assertThat(parsed.points().get(32).start()).isEqualTo(Instant.parse("2026-01-15T07:00:00Z"));
        assertThat(parsed.points().get(32).price()).isEqualTo(120.50);
        assertThat(parsed.points().get(94).price()).isEqualTo(120.50);
        assertThat(parsed.points().get(95).price()).isEqualTo(-2.10);
        assertThat(parsed.points().get(95).end()).isEqualTo(Instant.parse("2026-01-15T23:00:00Z"));
        assertThat(parsed.skipped()).as("the NO3 series in PT60M on a 15-minute day").isEqualTo(24);
    }

    @Test
    void anHourlyDayBeforeOctober2025IsHourlyAndTheSpringDaylightSavingDayHas23Hours() throws IOException {
        ParsedPrices parsed = EntsoeXml.parse(file("entsoe-a44-2025-03-30.xml"));

        assertThat(parsed.rejected()).isEmpty();
        assertThat(parsed.points()).hasSize(23);
        assertThat(parsed.points()).allSatisfy(p -> assertThat(p.zone()).isEqualTo(BiddingZone.NO4));
        assertThat(parsed.points().get(21).price()).isEqualTo(10.5);
        assertThat(parsed.points().get(22).price()).isEqualTo(12.0);
        assertThat(parsed.points().get(22).start()).isEqualTo(Instant.parse("2025-03-30T21:00:00Z"));
    }

    @Test
    void badSeriesAndPointsAreRejectedWithTheirLine() throws IOException {
        ParsedPrices parsed = EntsoeXml.parse(file("bad-points.xml"));

        assertThat(parsed.points()).isEmpty();
        assertThat(parsed.rejected()).containsExactly(
                "line 5: in_Domain.mRID '10YSE-1--------K' is not the EIC code of a Norwegian bidding zone "
                        + "(NO1..NO5); the series is skipped",
                "line 24: price.amount 'cheap' is not a number; the Period is skipped");
    }

    @Test
    void anAcknowledgementInsteadOfPricesNamesItsReason() {
        String xml = "<Acknowledgement_MarketDocument><Reason><code>999</code><text>No matching data found"
                + "</text></Reason></Acknowledgement_MarketDocument>";

        assertThatThrownBy(() -> EntsoeXml.parse(new StringReader(xml))).isInstanceOf(PriceFileException.class)
                .hasMessageContaining("No matching data found");
    }

    @Test
    void anotherDocumentTypeIsRefused() {
        String xml = "<Publication_MarketDocument>\n<type>A65</type></Publication_MarketDocument>";

        assertThatThrownBy(() -> EntsoeXml.parse(new StringReader(xml))).isInstanceOf(PriceFileException.class)
                .hasMessage("line 2: document type A65 is not A44 (day-ahead prices)");
    }

    @Test
    void theSimpleCsvTakesTheMarketTimeUnitFromTheDeliveryDayAndRejectsBadLinesWithTheirNumber()
            throws IOException {
        ParsedPrices parsed = SimplePriceCsv.parse(file("prices-simple.csv"));

        assertThat(parsed.points()).extracting(PricePoint::line).containsExactly(3L, 4L, 5L, 8L, 9L);
        PricePoint first = parsed.points().get(0);
        assertThat(first.start()).isEqualTo(Instant.parse("2025-09-29T22:00:00Z"));
        assertThat(first.end()).isEqualTo(Instant.parse("2025-09-29T23:00:00Z"));
        assertThat(first.price()).as("decimal comma").isEqualTo(0.5123);
        assertThat(first.currency()).isEqualTo("NOK");
        PricePoint quarter = parsed.points().get(2);
        assertThat(quarter.zone()).isEqualTo(BiddingZone.NO3);
        assertThat(quarter.end()).isEqualTo(Instant.parse("2025-09-30T22:30:00Z"));
        assertThat(parsed.rejected()).containsExactly(
                "line 6: zone 'NO9' is not a Norwegian bidding zone NO1..NO5",
                "line 7: start 2025-10-01T00:20+02:00 is not at the start of a 15-minute market time unit");
    }

    @Test
    void aCsvWithAnotherHeaderIsRefusedAsAWhole() {
        assertThatThrownBy(() -> SimplePriceCsv.parse(new BufferedReader(new StringReader(
                "area,time,price\nNO1,2026-01-01T00:00Z,1\n")))).isInstanceOf(PriceFileException.class)
                .hasMessageStartingWith("line 1: expected the header 'zone;start;price_eur_per_mwh");
    }

    @Test
    void aDayWithoutARateTakesTheLatestEarlierOneUpToAWeekBack() throws IOException {
        ExchangeRates rates = ExchangeRates.table(file("rates.csv"), "rates.csv");

        assertThat(rates.rateFor(LocalDate.of(2026, 1, 14))).isEqualTo(
                new ExchangeRates.Rate(11.70, LocalDate.of(2026, 1, 14)));
        assertThat(rates.rateFor(LocalDate.of(2026, 1, 15)).nokPerEur()).isCloseTo(11.70, within(0.0));
        assertThat(rates.rateFor(LocalDate.of(2026, 1, 16)).nokPerEur()).isEqualTo(11.80);
        assertThat(rates.rateFor(LocalDate.of(2026, 1, 23)).date()).isEqualTo(LocalDate.of(2026, 1, 16));
        assertThat(rates.rateFor(LocalDate.of(2026, 1, 24))).isNull();
        assertThat(rates.rateFor(LocalDate.of(2026, 1, 13))).isNull();
    }
}
