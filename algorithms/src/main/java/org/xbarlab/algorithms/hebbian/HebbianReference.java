package org.xbarlab.algorithms.hebbian;

import org.xbarlab.core.Checks;

/**
 * The slow, obvious per-sample form of every {@link HebbianRule}: for each sample, the competition, then each unit's
 * step {@code c_{b,i}·g_{b,i}·(x_b − x̂_{b,i})} with its reconstruction {@code x̂} built explicitly (for Sanger, the
 * running sum {@code Σ_{j≤i} y_j w_j}), accumulated sample after sample in double precision. This is what FastHebb's
 * matrix form replaces (reference/hebbian-muscle-ep.md §1.4, "old implementation"); it is kept as the reference of
 * the differential tests and as the per-sample side of {@code HebbianUpdateBenchmark}. Stateless and thread-safe;
 * allocates its result and small per-sample vectors.
 */
public final class HebbianReference {

    private HebbianReference() {
    }

    /**
     * The step {@code ΔW} of one mini-batch, sample by sample.
     *
     * @param config the rule and its parameters (layer sizes are not used)
     * @param inputs {@code D}
     * @param outputs {@code N}
     * @param x inputs, row-major {@code batch × inputs}; read only
     * @param currents the units' currents, row-major {@code batch × outputs} (as given to
     *     {@link HebbianRule#delta}); read only
     * @param weights {@code W}, row-major {@code outputs × inputs}; read only
     * @param batch {@code M}, at least 1
     * @return {@code ΔW}, row-major {@code outputs × inputs}, in double precision
     */
    public static double[] delta(HebbianConfig config, int inputs, int outputs, float[] x, float[] currents,
                                 float[] weights, int batch) {
        Checks.notNull("config", config);
        Checks.positive("batch", batch);
        double[] delta = new double[outputs * inputs];
        switch (config.rule()) {
            case SOFT_WTA -> softWinnerTakeAll(config, inputs, outputs, x, currents, weights, batch, delta);
            case SANGER_PCA -> sanger(config, inputs, outputs, x, currents, weights, batch, delta);
            case KROTOV_HOPFIELD -> krotov(config, inputs, outputs, x, currents, weights, batch, delta);
            default -> throw new IllegalStateException("unknown rule " + config.rule());
        }
        return delta;
    }

    private static void softWinnerTakeAll(HebbianConfig config, int inputs, int outputs, float[] x,
                                          float[] currents, float[] weights, int batch, double[] delta) {
        double[][] shares = new double[batch][];
        double[] totals = new double[outputs];
        for (int b = 0; b < batch; b++) {
            double inputNorm = 0;
            for (int j = 0; j < inputs; j++) {
                inputNorm += (double) x[b * inputs + j] * x[b * inputs + j];
            }
            inputNorm = Math.max(Math.sqrt(inputNorm), HebbianRule.TINY_NORM);
            double[] score = new double[outputs];
            double largest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < outputs; i++) {
                double weightNorm = 0;
                for (int j = 0; j < inputs; j++) {
                    weightNorm += (double) weights[i * inputs + j] * weights[i * inputs + j];
                }
                weightNorm = Math.max(Math.sqrt(weightNorm), HebbianRule.TINY_NORM);
                double cosine = currents[b * outputs + i] / (inputNorm * weightNorm);
                cosine = Math.max(-1, Math.min(1, cosine));
                double raised = (1 + cosine) / 2;
                score[i] = raised * raised / config.temperature();
                largest = Math.max(largest, score[i]);
            }
            double sum = 0;
            for (int i = 0; i < outputs; i++) {
                score[i] = Math.exp(score[i] - largest);
                sum += score[i];
            }
            for (int i = 0; i < outputs; i++) {
                score[i] /= sum;
                totals[i] += score[i];
            }
            shares[b] = score;
        }
        for (int b = 0; b < batch; b++) {
            for (int i = 0; i < outputs; i++) {
                double r = shares[b][i];
                double c = config.aggregation() == BatchAggregation.MEAN ? 1.0 / batch
                        : totals[i] > 0 ? r / totals[i] : 0;
                for (int j = 0; j < inputs; j++) {
                    // Reconstruction x̂ = w_i: the unit moves toward the input.
                    delta[i * inputs + j] += c * r * (x[b * inputs + j] - weights[i * inputs + j]);
                }
            }
        }
    }

    private static void sanger(HebbianConfig config, int inputs, int outputs, float[] x, float[] currents,
                               float[] weights, int batch, double[] delta) {
        float[] y = new float[outputs];
        double[] reconstruction = new double[inputs];
        for (int b = 0; b < batch; b++) {
            config.activation().apply(java.util.Arrays.copyOfRange(currents, b * outputs, (b + 1) * outputs), y,
                    outputs);
            java.util.Arrays.fill(reconstruction, 0);
            for (int i = 0; i < outputs; i++) {
                for (int j = 0; j < inputs; j++) {
                    reconstruction[j] += (double) y[i] * weights[i * inputs + j];
                }
                for (int j = 0; j < inputs; j++) {
                    delta[i * inputs + j] += (double) y[i] / batch * (x[b * inputs + j] - reconstruction[j]);
                }
            }
        }
    }

    private static void krotov(HebbianConfig config, int inputs, int outputs, float[] x, float[] currents,
                               float[] weights, int batch, double[] delta) {
        double radiusPower = Math.pow(config.krotovRadius(), config.krotovNorm());
        int k = config.krotovRank();
        for (int b = 0; b < batch; b++) {
            // Rank the units by a full sort of (current, index): largest current first, lower index first on ties.
            Integer[] order = new Integer[outputs];
            for (int i = 0; i < outputs; i++) {
                order[i] = i;
            }
            int row = b * outputs;
            java.util.Arrays.sort(order, (p, q) -> {
                int byCurrent = Float.compare(currents[row + q], currents[row + p]);
                return byCurrent != 0 ? byCurrent : Integer.compare(p, q);
            });
            double[] g = new double[outputs];
            g[order[0]] = 1;
            if (outputs >= k) {
                g[order[k - 1]] = -config.krotovAntiHebbianStrength();
            }
            for (int mu = 0; mu < outputs; mu++) {
                if (g[mu] == 0) {
                    continue;
                }
                double current = currents[row + mu];
                for (int j = 0; j < inputs; j++) {
                    delta[mu * inputs + j] += g[mu] * (radiusPower * x[b * inputs + j]
                            - current * weights[mu * inputs + j]);
                }
            }
        }
        double largest = 0;
        for (double v : delta) {
            largest = Math.max(largest, Math.abs(v));
        }
        double scale = 1 / Math.max(largest, KrotovHopfieldRule.NORMALIZATION_FLOOR);
        for (int k2 = 0; k2 < delta.length; k2++) {
            delta[k2] *= scale;
        }
    }
}
