/**
 * The unsupervised "self-defined target" of Liu, Laydevant, Pontlevy, Querlioz and Grollier, "Unsupervised
 * end-to-end training with a self-defined target", Neuromorph. Comput. Eng. 4 (2024) 044005 (arXiv:2403.12116):
 * a k-winner-take-all target on the output minus a homeostatic threshold, trained by backpropagation or by
 * equilibrium propagation, with the networks' weights on crossbars. The specification followed is
 * {@code ../shared/reference/seed-algorithm.md}, restated from the authors' official code.
 */
package org.xbarlab.algorithms.wta;
