/**
 * The command lines of straumflyt's programs that are not services (the operator tools, the simulator, the local
 * stack, the benchmark): picocli with one set of conventions ({@link org.straumflyt.runtime.cli.CommandLines}),
 * value converters whose messages name what is expected, and the usage error ({@link
 * org.straumflyt.runtime.cli.UsageException}, exit code 2).
 */
package org.straumflyt.runtime.cli;
