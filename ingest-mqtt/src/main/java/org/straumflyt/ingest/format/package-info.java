/**
 * Payload formats: the names a route can give ({@link org.straumflyt.ingest.format.FormatName}), the two kinds of
 * decoder ({@link org.straumflyt.ingest.format.ReadingFormat} for meters,
 * {@link org.straumflyt.ingest.format.TemperatureFormat} for outdoor temperature sensors) and what every format
 * shares: the message context, typed access to payload JSON, units, device time and the two expected outcomes
 * besides readings ({@link org.straumflyt.ingest.format.InvalidPayload},
 * {@link org.straumflyt.ingest.format.NothingToMeter}). Each device family has a sub-package; a new format is a class
 * there and its constant in {@code FormatName}. The checks every reading or sample must pass are not here but in
 * {@link org.straumflyt.model.ReadingRules}.
 */
package org.straumflyt.ingest.format;
