/**
 * The consumer side: the single loop that polls, maps, batches, writes and then commits
 * ({@link org.straumflyt.publisher.consume.PublishLoop}), the mapping of a record to its points or a dead letter,
 * the pending batch, and the publisher's meters.
 */
package org.straumflyt.publisher.consume;
