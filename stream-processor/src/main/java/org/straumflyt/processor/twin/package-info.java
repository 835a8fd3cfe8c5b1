/**
 * The building twin: what the portfolio application remembers of each building's KPIs, and the twin record it
 * publishes from that.
 */
package org.straumflyt.processor.twin;
