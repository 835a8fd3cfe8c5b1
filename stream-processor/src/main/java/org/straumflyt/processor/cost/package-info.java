/**
 * The cost stage: building-hours of electricity priced with the day-ahead prices of the building's bidding zone and
 * its tariff (supplier, grid energy, capacity, fixed fees, taxes, VAT), as hourly, daily and monthly cost records.
 * The tariffs are a validated configuration file ({@link org.straumflyt.processor.cost.Tariffs}); the arithmetic is
 * the pure {@link org.straumflyt.processor.cost.CostCalculator}. docs/COST.md describes both.
 */
package org.straumflyt.processor.cost;
