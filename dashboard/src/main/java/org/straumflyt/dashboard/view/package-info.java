/**
 * The figures of the pages (portfolio, building, municipality), computed from store rows and registry buildings by
 * {@link org.straumflyt.dashboard.view.DashboardQueries}; plain values, no I/O, so they are tested without servers.
 */
package org.straumflyt.dashboard.view;
