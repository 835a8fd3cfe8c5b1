/**
 * {@code elhub-import}: metering values as a customer or a municipality downloads them from Elhub (semicolon-separated,
 * local Norwegian time, decimal comma, hourly or quarter-hourly values) into interval-energy readings.
 */
package org.straumflyt.tools.elhub;
