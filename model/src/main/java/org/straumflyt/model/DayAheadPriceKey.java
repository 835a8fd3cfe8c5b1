package org.straumflyt.model;

import java.time.Instant;

/** Key of {@code prices.day-ahead}: one bidding zone, one market time unit (by its UTC start). */
public record DayAheadPriceKey(BiddingZone zone, Instant start) {
}
