/**
 * The binary and JSON codecs of the meter stage: the readings parser and decoder, and the stored form of hour values.
 * (The other meter-stage classes moved to {@code input}, {@code assignment}, {@code engine} and {@code series}.)
 */
package org.straumflyt.processor.metering;
