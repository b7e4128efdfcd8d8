package org.xbarlab.algorithms.wta;

import org.xbarlab.core.Checks;

/**
 * The k-winner-take-all target (seed-algorithm.md §2.1): for each sample, the {@code k} largest entries of
 * {@code y − H} become 1, the others 0. Ties go to the lowest index (the reference code uses PyTorch's
 * {@code topk}, whose tie order is unspecified; with hard-sigmoid outputs ties are frequent, so a fixed rule makes
 * runs reproducible).
 */
public final class WinnerTakeAll {

    private WinnerTakeAll() {
    }

    /**
     * Computes the one-hot k-WTA targets of a batch.
     *
     * @param y outputs, row-major {@code batch × neurons}; read only
     * @param threshold the homeostatic threshold {@code H}, one per neuron; read only
     * @param batch number of samples
     * @param neurons neurons per sample
     * @param winners {@code k}, in [1, neurons]
     * @param target receives the 0/1 targets, row-major {@code batch × neurons}; overwritten; must not alias
     *     {@code y}
     * @param scratch at least {@code 2·winners} ints of work space
     */
    public static void target(float[] y, float[] threshold, int batch, int neurons, int winners, float[] target,
                              int[] scratch) {
        Checks.inRange("winners", winners, 1, neurons);
        int[] best = scratch;
        for (int b = 0; b < batch; b++) {
            int base = b * neurons;
            int count = 0;
            // Keep the k best indices sorted by score, descending; a later index never displaces an equal score,
            // so ties go to the lowest index.
            for (int j = 0; j < neurons; j++) {
                float score = y[base + j] - threshold[j];
                if (count == winners && !(score > y[base + best[count - 1]] - threshold[best[count - 1]])) {
                    continue;
                }
                int position = count < winners ? count++ : winners - 1;
                while (position > 0 && score > y[base + best[position - 1]] - threshold[best[position - 1]]) {
                    best[position] = best[position - 1];
                    position--;
                }
                best[position] = j;
            }
            java.util.Arrays.fill(target, base, base + neurons, 0f);
            for (int w = 0; w < count; w++) {
                target[base + best[w]] = 1f;
            }
        }
    }
}
