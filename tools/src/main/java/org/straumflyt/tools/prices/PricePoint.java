package org.straumflyt.tools.prices;

import java.time.Instant;
import org.straumflyt.model.BiddingZone;

/**
 * One price as a file publishes it, before conversion.
 *
 * @param line     the line of the file it came from (1-based), for messages
 * @param zone     the bidding zone
 * @param start    UTC start of the market time unit
 * @param end      UTC end (exclusive)
 * @param price    the published price
 * @param currency ISO 4217 currency of {@code price}
 * @param unit     {@code MWh} or {@code kWh}: what {@code price} is per
 */
record PricePoint(long line, BiddingZone zone, Instant start, Instant end, double price, String currency,
        String unit) {
}
