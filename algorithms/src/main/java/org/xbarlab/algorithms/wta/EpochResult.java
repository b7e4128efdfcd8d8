package org.xbarlab.algorithms.wta;

/**
 * What one training epoch did.
 *
 * @param epoch the epoch, from 0
 * @param meanLoss mean over the batches of the loss (BP: mean-squared error to the target; EP: the output's
 *     squared distance to the target at the free state)
 * @param learningRateFactor the schedule's factor used in this epoch
 * @param pulsesFired write pulses fired on all crossbars in this epoch
 * @param wallSeconds wall-clock time of the epoch
 */
public record EpochResult(int epoch, double meanLoss, double learningRateFactor, long pulsesFired,
                          double wallSeconds) {
}
