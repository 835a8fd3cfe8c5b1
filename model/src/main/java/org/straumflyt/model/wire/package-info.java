/**
 * The wire codecs: how the records of {@link org.straumflyt.model} become bytes on a Kafka topic and back.
 *
 * <ul>
 *   <li>{@link org.straumflyt.model.wire.Json}: the one JSON mapper setup every service writes and reads with
 *       ({@code null} fields left out, unknown fields ignored).</li>
 *   <li>{@link org.straumflyt.model.wire.JsonSerde}: a Kafka serde of one record type through that mapper, or through
 *       a streaming codec for the hottest types.</li>
 *   <li>{@link org.straumflyt.model.wire.StreamingJson}: the building blocks of hand-written codecs on Jackson's
 *       streaming API, which write the mapper's exact bytes and fall back to the mapper for anything unusual;
 *       {@link org.straumflyt.model.wire.HourJson} (meter-hours and their keys) and
 *       {@link org.straumflyt.model.wire.ReadingParser} (readings) are built from them.</li>
 *   <li>{@link org.straumflyt.model.wire.Instants}: instants as ISO-8601 UTC strings without
 *       {@code DateTimeFormatter}.</li>
 * </ul>
 *
 * <p>A new codec belongs here when its bytes cross a service boundary (a topic or a file another program reads).
 * Encodings private to one service's state stores stay with that service (the meter stage's binary hour values,
 * {@code HourCodec}, live in the stream processor). Enums name themselves on the wire through
 * {@link org.straumflyt.model.WireNamed}, next to the records.
 */
package org.straumflyt.model.wire;
