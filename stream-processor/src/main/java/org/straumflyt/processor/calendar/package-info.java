/**
 * Stages 5 and 6, building-days and building-months ({@link org.straumflyt.processor.calendar.BuildingDayStage},
 * {@link org.straumflyt.processor.calendar.BuildingMonthStage}): local dates and months of each building's time
 * zone, degree days from the day's temperature.
 */
package org.straumflyt.processor.calendar;
