/**
 * What every straumflyt service shares: typed configuration from defaults, an optional properties file and
 * environment variables ({@link org.straumflyt.runtime.ConfigSource}); liveness, readiness and Prometheus
 * metrics over HTTP ({@link org.straumflyt.runtime.OpsServer}); and a launcher that wires them and shuts the
 * service down cleanly on SIGTERM ({@link org.straumflyt.runtime.ServiceLauncher}).
 */
package org.straumflyt.runtime;
