/**
 * Comparing the KPI store with the ground truth ({@link org.straumflyt.simulator.verify.Verifier}), used by the
 * simulator's verify command and by the end-to-end tests.
 */
package org.straumflyt.simulator.verify;
