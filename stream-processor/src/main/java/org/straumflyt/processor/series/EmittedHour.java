package org.straumflyt.processor.series;

/**
 * The last value of an hour that was sent downstream, and its revision.
 *
 * @param value    the value sent
 * @param revision its revision, from 1
 */
public record EmittedHour(HourValue value, long revision) {
}
