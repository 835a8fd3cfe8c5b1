/**
 * The simulated fleet: buildings and meters ({@link org.straumflyt.simulator.fleet.FleetGenerator}), their load and
 * weather models, the series of readings each meter produces, the payload format each uses and the data faults to
 * inject ({@link org.straumflyt.simulator.fleet.FaultPlan}).
 */
package org.straumflyt.simulator.fleet;
