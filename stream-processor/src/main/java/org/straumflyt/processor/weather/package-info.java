/**
 * Stage 7, weather-days ({@link org.straumflyt.processor.weather.WeatherDailyTopology}): weather samples grouped by
 * location and local date into a daily mean temperature.
 */
package org.straumflyt.processor.weather;
