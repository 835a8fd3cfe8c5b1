package org.straumflyt.processor.metering;

/**
 * Bookkeeping of one meter-register.
 *
 * @param watermark  epoch ms of the newest reading of any kind
 * @param frozenFrom hour start (epoch ms) before which hours are final and their readings evicted
 */
public record SeriesMeta(long watermark, long frozenFrom) {
}
