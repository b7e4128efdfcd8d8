/**
 * MUSCLE-style semi-supervised learning on crossbars: the IIC mutual-information loss between the predictions for two
 * augmented views ({@link org.xbarlab.algorithms.muscle.MutualInformationLoss},
 * {@link org.xbarlab.algorithms.muscle.Augmentation}) added to the cross-entropy on labeled samples, optionally with
 * the self-defined WTA target ({@link org.xbarlab.algorithms.muscle.MuscleConfig},
 * {@link org.xbarlab.algorithms.muscle.MuscleNetwork}). Local Hebbian rules live in
 * {@code org.xbarlab.algorithms.hebbian}. See docs/hebbian-muscle.md.
 */
package org.xbarlab.algorithms.muscle;
