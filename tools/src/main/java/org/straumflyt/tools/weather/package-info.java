/**
 * The weather import command: days of outdoor temperature from CSV files into the compacted {@code weather.daily}
 * topic, with dry run, validation and progress.
 */
package org.straumflyt.tools.weather;
