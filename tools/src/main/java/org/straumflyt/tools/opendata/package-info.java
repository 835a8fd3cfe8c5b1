/**
 * The open-data export command: the daily and monthly KPI tables of a period as CSV and JSON with DCAT metadata, read
 * from the KPI topics' latest revisions.
 */
package org.straumflyt.tools.opendata;
