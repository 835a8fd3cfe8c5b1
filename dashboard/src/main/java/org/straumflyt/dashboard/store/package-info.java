/**
 * Reading the KPI store: the {@link org.straumflyt.dashboard.store.KpiReader} seam with its rows (hours, days,
 * months, portfolio records) and its QuestDB implementation over the SQL endpoint; a store that does not answer is a
 * {@link org.straumflyt.dashboard.store.StoreException}.
 */
package org.straumflyt.dashboard.store;
