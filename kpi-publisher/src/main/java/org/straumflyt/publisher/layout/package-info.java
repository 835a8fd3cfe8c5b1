/**
 * The store layout of every KPI ({@link org.straumflyt.publisher.layout.KpiLayouts}): measurement names, tags, fields
 * and timestamps, and how a record becomes points. The same definitions drive the writer, the QuestDB tables
 * ({@link org.straumflyt.publisher.layout.QuestDbTables}) and the tables of docs/INFLUXDB.md.
 */
package org.straumflyt.publisher.layout;
