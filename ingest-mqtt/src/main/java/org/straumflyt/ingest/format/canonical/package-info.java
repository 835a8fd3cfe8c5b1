/**
 * straumflyt's own payloads: readings and temperature samples as one object or an array of them, as the
 * schemas under {@code /schemas} describe.
 */
package org.straumflyt.ingest.format.canonical;
