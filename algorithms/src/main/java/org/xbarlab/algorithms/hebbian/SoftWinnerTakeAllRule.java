package org.xbarlab.algorithms.hebbian;

import java.util.Arrays;

/**
 * FastHebb's soft winner-take-all instar rule ({@code eswta}; Lagani et al. 2022; reference/hebbian-muscle-ep.md §1.3,
 * §1.4(a)). Per sample {@code b} and unit {@code i}: similarity {@code u = ((1 + cos θ_{bi})/2)²} with
 * {@code cos θ = s_{bi}/(|x_b|·|w_i|)}, competition {@code r_{bi} = softmax_i(u_{bi}/T)}, step
 * {@code Δw_i = Σ_b c_{bi}·r_{bi}·(x_b − w_i)} with {@code c} from the {@link BatchAggregation}. Batched:
 * {@code G' = R∘C}, {@code ΔW = G'ᵀX − diag(G'ᵀ1)·W}. Features: the vector projection {@code max(s_{bi}/|w_i|, 0)}.
 */
final class SoftWinnerTakeAllRule extends HebbianRule {

    private final double temperature;
    private final BatchAggregation aggregation;
    private final double[] weightNorms;
    private final double[] columnSums;
    private final double[] scores;

    SoftWinnerTakeAllRule(int inputs, int outputs, double temperature, BatchAggregation aggregation) {
        super(inputs, outputs);
        this.temperature = temperature;
        this.aggregation = aggregation;
        this.weightNorms = new double[outputs];
        this.columnSums = new double[outputs];
        this.scores = new double[outputs];
    }

    @Override
    void terms(float[] x, float[] currents, float[] weights, int batch) {
        for (int i = 0; i < outputs; i++) {
            weightNorms[i] = Math.max(rowNorm(weights, i, inputs), TINY_NORM);
        }
        Arrays.fill(columnSums, 0.0);
        for (int b = 0; b < batch; b++) {
            double inputNorm = Math.max(rowNorm(x, b, inputs), TINY_NORM);
            int base = b * outputs;
            double largest = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < outputs; i++) {
                double cosine = Math.max(-1.0, Math.min(1.0, currents[base + i] / (inputNorm * weightNorms[i])));
                double raised = 0.5 * (1 + cosine);
                scores[i] = raised * raised / temperature;
                largest = Math.max(largest, scores[i]);
            }
            double sum = 0;
            for (int i = 0; i < outputs; i++) {
                scores[i] = Math.exp(scores[i] - largest);
                sum += scores[i];
            }
            for (int i = 0; i < outputs; i++) {
                double share = scores[i] / sum;
                coefficients[base + i] = (float) share;
                columnSums[i] += share;
            }
        }
        double[] decay = scores;
        Arrays.fill(decay, 0.0);
        for (int b = 0; b < batch; b++) {
            int base = b * outputs;
            for (int i = 0; i < outputs; i++) {
                double share = coefficients[base + i];
                double weight = aggregation == BatchAggregation.MEAN ? 1.0 / batch
                        : columnSums[i] > 0 ? share / columnSums[i] : 0.0;
                float g = (float) (share * weight);
                coefficients[base + i] = g;
                decay[i] += g;
            }
        }
        scaledRows(weights, decay);
    }

    @Override
    public void features(float[] currents, float[] weights, int batch, float[] out) {
        for (int i = 0; i < outputs; i++) {
            weightNorms[i] = Math.max(rowNorm(weights, i, inputs), TINY_NORM);
        }
        for (int b = 0; b < batch; b++) {
            int base = b * outputs;
            for (int i = 0; i < outputs; i++) {
                out[base + i] = (float) Math.max(currents[base + i] / weightNorms[i], 0.0);
            }
        }
    }
}
