/**
 * The simulator's command line ({@link org.straumflyt.simulator.SimulatorMain}: publish and verify), its options and
 * the simulation that ties a generated fleet, its schedule and its ground truth together. The fleet is in {@code
 * fleet}, the payload encoders in {@code format}, sending in {@code publish}, the truth in {@code truth} and the
 * comparison with the store in {@code verify}.
 */
package org.straumflyt.simulator;
