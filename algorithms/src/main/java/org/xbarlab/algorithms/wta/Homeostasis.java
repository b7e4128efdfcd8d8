package org.xbarlab.algorithms.wta;

import java.util.Arrays;

import org.xbarlab.core.Checks;

/**
 * The adaptive per-neuron threshold {@code H} of the self-defined target (seed-algorithm.md §2.2, §2.3). It only
 * enters the winner selection, never the forward pass or the loss, and is reset to 0 at the start of every epoch
 * (as the reference code does).
 *
 * <p>Not thread-safe.
 */
public final class Homeostasis implements org.xbarlab.core.state.Stateful {

    private final HomeostasisMode mode;
    private final double gain;
    private final double rate;
    private final double targetActivity;
    private final float[] threshold;
    private final double[] average;

    /**
     * @param neurons number of output neurons, at least 1
     * @param mode batch or sequential
     * @param gain γ, non-negative
     * @param rate η_h of the sequential moving average, in (0, 1]; unused in batch mode
     * @param targetActivity {@code T_act}, the target winning frequency, in [0, 1]
     */
    public Homeostasis(int neurons, HomeostasisMode mode, double gain, double rate, double targetActivity) {
        Checks.positive("neurons", neurons);
        this.mode = Checks.notNull("mode", mode);
        this.gain = Checks.nonNegativeFinite("homeostasisGain", gain);
        this.rate = Checks.inClosedRange("homeostasisRate", rate, 0.0, 1.0);
        this.targetActivity = Checks.inClosedRange("targetActivity", targetActivity, 0.0, 1.0);
        this.threshold = new float[neurons];
        this.average = new double[neurons];
    }

    /** Sets {@code H} and the moving average to 0 (start of an epoch). */
    public void reset() {
        Arrays.fill(threshold, 0f);
        Arrays.fill(average, 0.0);
    }

    /** The live threshold vector {@code H}; read only for callers. */
    public float[] threshold() {
        return threshold;
    }

    /**
     * Updates {@code H} with the final targets of a batch (after smoothing and masking).
     *
     * @param target targets, row-major {@code batch × neurons}; read only
     * @param batch number of samples, at least 1
     */
    public void update(float[] target, int batch) {
        int neurons = threshold.length;
        if (mode == HomeostasisMode.BATCH) {
            for (int j = 0; j < neurons; j++) {
                double sum = 0;
                for (int b = 0; b < batch; b++) {
                    sum += target[b * neurons + j];
                }
                threshold[j] += (float) (gain * (sum / batch - targetActivity));
            }
        } else {
            for (int b = 0; b < batch; b++) {
                for (int j = 0; j < neurons; j++) {
                    average[j] = (1 - rate) * average[j] + rate * target[b * neurons + j];
                    threshold[j] += (float) (gain * (average[j] - targetActivity));
                }
            }
        }
    }

    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeFloats("threshold", threshold);
        out.writeDoubles("average", average);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        in.readFloats("threshold", threshold);
        in.readDoubles("average", average);
    }
}
