package org.straumflyt.processor.followup;

import java.time.Instant;
import org.straumflyt.model.AlertCause;
import org.straumflyt.model.AlertKind;

/**
 * A condition that holds now: what a detector found, before it becomes (or revises) an alert.
 *
 * @param kind          what it is about
 * @param meterId       the meter, for meter findings
 * @param since         when it began
 * @param days          days that showed it (daily findings)
 * @param measured      the measured figure
 * @param reference     what was expected of it
 * @param unit          {@code kWh}, {@code kW}, {@code h} or {@code share}
 * @param excessKwh     energy above the expected, where meaningful
 * @param excessPercent measured above reference, %
 * @param cause         the likely cause class
 * @param summary       one sentence for people
 */
public record Condition(AlertKind kind, String meterId, Instant since, Integer days, Double measured,
        Double reference, String unit, Double excessKwh, Double excessPercent, AlertCause cause, String summary) {
}
