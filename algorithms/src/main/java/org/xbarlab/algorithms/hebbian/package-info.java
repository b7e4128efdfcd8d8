/**
 * Unsupervised local (Hebbian) learning on crossbars: FastHebb's soft winner-take-all and Hebbian PCA (Sanger's
 * rule) with the batch update written as matrix products, and Krotov–Hopfield competing hidden units
 * ({@link org.xbarlab.algorithms.hebbian.HebbianConfig}, {@link org.xbarlab.algorithms.hebbian.HebbianRule},
 * {@link org.xbarlab.algorithms.hebbian.HebbianNetwork}); the per-sample reference form
 * ({@link org.xbarlab.algorithms.hebbian.HebbianReference}). Gradient-based unsupervised objectives live in
 * {@code org.xbarlab.algorithms.muscle}; experiments in {@code org.xbarlab.algorithms.experiment}. See
 * docs/hebbian-muscle.md.
 */
package org.xbarlab.algorithms.hebbian;
