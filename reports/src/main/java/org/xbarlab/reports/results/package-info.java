/**
 * Reading the results of runs and sweeps into a table model: {@code results.jsonl} (one JSON object per run of a
 * sweep, the file of record), {@code results.csv} (the same runs as a wide table) and the {@code result.json} of a
 * single run, with per-point statistics across trials.
 *
 * <p>What belongs here: parsing and aggregating result files ({@link org.xbarlab.reports.results.SweepResults},
 * {@link org.xbarlab.reports.results.SweepRecord}, {@link org.xbarlab.reports.results.PointSummary},
 * {@link org.xbarlab.reports.results.ResultTable}). What does not: drawing (package
 * {@code org.xbarlab.reports.charts}) and writing results (module {@code cli}, which owns the sweep runner).
 */
package org.xbarlab.reports.results;
