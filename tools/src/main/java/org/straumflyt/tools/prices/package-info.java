/**
 * The price import command: day-ahead prices per bidding zone from published files (the ENTSO-E transparency
 * platform's Publication_MarketDocument XML, or a simple CSV) into the compacted {@code prices.day-ahead} topic,
 * converted to NOK/kWh, with dry run, validation and progress.
 */
package org.straumflyt.tools.prices;
