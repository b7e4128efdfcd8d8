/**
 * Sweeps on Apache Spark: {@link org.xbarlab.cluster.SparkSweepEngine}, the {@code spark} engine of
 * {@code xbarlab sweep}, found by {@link java.util.ServiceLoader} through {@link org.xbarlab.cli.SweepEngine}. Only
 * the distribution of runs lives here; a run is the cli's single-run path and the journal is the cli's, so a sweep
 * gives the same files with either engine (docs/cluster.md). Spark is a provided dependency.
 */
package org.xbarlab.cluster;
