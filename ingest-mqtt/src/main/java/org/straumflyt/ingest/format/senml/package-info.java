/**
 * SenML JSON (RFC 8428) records of energy and power.
 */
package org.straumflyt.ingest.format.senml;
