/**
 * Reproducible randomness: one root seed per run, named independent streams derived from it
 * ({@link org.xbarlab.core.random.RngStreams}, names in {@link org.xbarlab.core.random.StreamNames}), and fast bulk
 * filling of float arrays with uniform and normal deviates ({@link org.xbarlab.core.random.RandomFill}, and
 * {@link org.xbarlab.core.random.ParallelRandomFill} whose output does not depend on the thread count).
 *
 * <p>Belongs here: seed derivation, stream naming, bulk generation of standard distributions. Does not belong here:
 * distributions of physical quantities (device variability, noise models), which live with their models in
 * devices or crossbar and draw from these streams; one-off samplers, which come from {@code commons-rng-sampling}.
 * The derivation and the algorithms are part of the results format; see {@code docs/reproducibility.md}.
 */
package org.xbarlab.core.random;
