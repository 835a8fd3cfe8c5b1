package org.straumflyt.processor.engine;

/** What the meter stage receives, keyed by meter id: readings, and changes of a meter's registry entry. */
public sealed interface MeterInput permits AssignedReading, AssignmentChange {
}
