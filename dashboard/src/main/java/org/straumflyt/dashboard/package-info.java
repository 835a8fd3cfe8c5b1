/**
 * The dashboard service: its configuration ({@link org.straumflyt.dashboard.DashboardConfig}), its main class and the
 * service that wires the store reader, the registry reader and the web server together. The pages' figures are
 * computed in {@code view}; the store and the registry are read in {@code store} and {@code registry}; HTTP is in
 * {@code web}.
 */
package org.straumflyt.dashboard;
