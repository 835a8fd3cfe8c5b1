/**
 * Stage 2, input: the readings topic decoded ({@link org.straumflyt.processor.input.ReadingsInput}); records that
 * are not usable readings become dead letters. The decoder ({@link org.straumflyt.processor.input.ReadingDecoder}) parses with the model's wire codec.
 */
package org.straumflyt.processor.input;
