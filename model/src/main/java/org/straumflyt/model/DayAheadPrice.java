package org.straumflyt.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The day-ahead price of one bidding zone in one market time unit {@code [start, end)}: an hour until delivery day
 * 2025-09-30, a quarter-hour from delivery day 2025-10-01. Topic {@code prices.day-ahead} (compacted), key = zone
 * and start ({@link DayAheadPriceKey}); a corrected price is the same key again.
 *
 * @param zone            the bidding zone
 * @param start           UTC start of the market time unit
 * @param end             UTC end (exclusive)
 * @param nokPerKwh       the price in NOK per kWh, excluding VAT: {@code sourcePrice} converted
 * @param sourcePrice     the price as published, in {@code sourceCurrency} per {@code sourceUnit}
 * @param sourceCurrency  ISO 4217 currency of the published price, e.g. {@code EUR}
 * @param sourceUnit      the energy unit it is per: {@code MWh} or {@code kWh}
 * @param exchangeRate    NOK per unit of {@code sourceCurrency} used for the conversion (1 for NOK)
 * @param exchangeRateDate the date of the exchange rate used, when it came from a table of daily rates
 */
public record DayAheadPrice(BiddingZone zone, Instant start, Instant end, double nokPerKwh, double sourcePrice,
        String sourceCurrency, String sourceUnit, double exchangeRate, LocalDate exchangeRateDate) {
    public static final int SCHEMA_VERSION = 1;
    /** The market's zone: delivery days are local days of Central European Time. */
    public static final ZoneId MARKET_ZONE = ZoneId.of("Europe/Oslo");
    /** The first delivery day of 15-minute market time units in the Nordic day-ahead market (SDAC). */
    public static final LocalDate QUARTER_HOURS_FROM = LocalDate.of(2025, 10, 1);

    public DayAheadPrice {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(sourceCurrency, "sourceCurrency");
        Objects.requireNonNull(sourceUnit, "sourceUnit");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end " + end + " must be after start " + start);
        }
        if (!Double.isFinite(nokPerKwh) || !Double.isFinite(sourcePrice)) {
            throw new IllegalArgumentException("prices must be finite");
        }
        if (!(exchangeRate > 0) || Double.isInfinite(exchangeRate)) {
            throw new IllegalArgumentException("exchangeRate must be a positive number, was " + exchangeRate);
        }
    }

    /** The market time unit's length: PT60M or PT15M. */
    public Duration resolution() {
        return Duration.between(start, end);
    }

    /** The resolution as ISO-8601 ({@code PT60M}, {@code PT15M}), as ENTSO-E writes it. */
    @JsonProperty("resolution")
    public String resolutionText() {
        return "PT" + resolution().toMinutes() + "M";
    }

    public DayAheadPriceKey key() {
        return new DayAheadPriceKey(zone, start);
    }

    /** The market time unit of the day-ahead market at a delivery day: 60 minutes before 2025-10-01, 15 after. */
    public static Duration marketTimeUnit(LocalDate deliveryDay) {
        return deliveryDay.isBefore(QUARTER_HOURS_FROM) ? Duration.ofMinutes(60) : Duration.ofMinutes(15);
    }

    @JsonProperty("schemaVersion")
    public int schemaVersion() {
        return SCHEMA_VERSION;
    }
}
