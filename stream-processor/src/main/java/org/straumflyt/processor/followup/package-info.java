/**
 * Energy follow-up (energioppfølging): each building's energy signature (daily energy against daily mean outdoor
 * temperature, a change-point model fitted on a reference period), the deviation of each day from it, and the
 * findings that follow — consumption above expected, night base load up, a new peak, a silent meter — as events on
 * the compacted {@code alerts} topic ({@link org.straumflyt.processor.followup.FollowUpTopology}, an application of
 * its own beside the KPI topology). docs/FOLLOW-UP.md describes the method.
 */
package org.straumflyt.processor.followup;
