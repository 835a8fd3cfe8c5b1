package org.straumflyt.ingest.bridge;

import java.util.List;
import org.straumflyt.model.DeadLetter;
import org.straumflyt.model.Reading;
import org.straumflyt.model.WeatherSample;

/**
 * What one MQTT message became: readings or temperature samples to produce, a dead letter, or nothing (a message
 * with nothing to meter by design, acknowledged without a record).
 */
public sealed interface Decoded {

    /** Readings from one message, at least one; {@code format} names the route's format (a metric tag). */
    record Readings(String format, List<Reading> readings) implements Decoded {
        public Readings {
            readings = List.copyOf(readings);
        }
    }

    /** Outdoor temperature samples from one message of a weather sensor, at least one. */
    record Samples(String format, List<WeatherSample> samples) implements Decoded {
        public Samples {
            samples = List.copyOf(samples);
        }
    }

    /** A well-formed message without meter values, e.g. a Shelly {@code NotifyEvent}; {@code detail} says which. */
    record Skipped(String format, String detail) implements Decoded {
    }

    /** A message set aside. */
    record Rejected(DeadLetter deadLetter) implements Decoded {
    }
}
