package org.straumflyt.processor.weather;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.straumflyt.model.WeatherDaily;
import org.straumflyt.model.WeatherKey;

/**
 * The samples of one location on one local day, per hour (at most 25 hours, so the state of a day stays small
 * however often the sensor reports). The day's mean is the mean of its hours' means: a sensor that reports every
 * 10 s and one that reports hourly weigh every hour alike, and a burst of samples in one hour does not pull the day
 * towards that hour.
 *
 * @param hours the hours that have samples, in time order
 */
public record WeatherDayAggregate(List<HourMean> hours) {

    public WeatherDayAggregate {
        hours = List.copyOf(hours);
    }

    public static WeatherDayAggregate empty() {
        return new WeatherDayAggregate(List.of());
    }

    /** With one more sample in the hour starting at {@code hourStart}. Order of arrival does not matter. */
    public WeatherDayAggregate add(Instant hourStart, double temperatureC) {
        List<HourMean> updated = new ArrayList<>(hours);
        for (int i = 0; i < updated.size(); i++) {
            if (updated.get(i).hourStart().equals(hourStart)) {
                updated.set(i, updated.get(i).add(temperatureC));
                return new WeatherDayAggregate(updated);
            }
        }
        updated.add(new HourMean(hourStart, temperatureC, 1));
        updated.sort(Comparator.comparing(HourMean::hourStart));
        return new WeatherDayAggregate(updated);
    }

    /** The day's record: the mean of the hourly means, °C, and how many hours it rests on. */
    public WeatherDaily daily(WeatherKey key) {
        double sum = 0;
        for (HourMean hour : hours) {
            sum += hour.meanC();
        }
        return new WeatherDaily(key.locationId(), key.date(), sum / hours.size(), hours.size());
    }
}
