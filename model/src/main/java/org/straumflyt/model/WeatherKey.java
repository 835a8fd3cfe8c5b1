package org.straumflyt.model;

import java.time.LocalDate;

/**
 * Key of {@code weather.daily}. The design names the location alone, but a compacted topic keyed by
 * location would keep only the newest day; keying by location and date keeps every day's temperature.
 */
public record WeatherKey(String locationId, LocalDate date) {
}
