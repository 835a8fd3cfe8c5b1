/**
 * Stage 2, input: the readings topic decoded ({@link org.straumflyt.processor.input.ReadingsInput}); records that
 * are not usable readings become dead letters. The decoder itself is in {@code metering} for now.
 */
package org.straumflyt.processor.input;
