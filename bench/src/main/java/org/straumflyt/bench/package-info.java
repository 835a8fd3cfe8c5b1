/**
 * The end-to-end benchmark, a command rather than a test ({@link org.straumflyt.bench.PipelineBenchmark}, run by
 * ./straumflyt bench): its options, the load it publishes, the bare-infrastructure ceiling it compares with, the
 * pipeline's services as child processes, the latency probe, the CPU and memory readings of every process, and the
 * report. How to run it and what it measured: docs/BENCHMARKS.md.
 */
package org.straumflyt.bench;
