/**
 * The portfolio application (its own application id and state): buildings' contributions and each
 * municipality's portfolio KPIs, from the public KPI topics ({@link org.straumflyt.processor.portfolio.PortfolioTopology}).
 */
package org.straumflyt.processor.portfolio;
