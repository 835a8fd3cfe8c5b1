/**
 * Writing points: the store behind {@link org.straumflyt.publisher.write.PointStore} (InfluxDB's write API), the
 * batch writer that isolates refused points, backoff between retries, and what each write request became.
 */
package org.straumflyt.publisher.write;
