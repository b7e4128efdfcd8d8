package org.xbarlab.algorithms.hebbian;

import java.util.Arrays;

import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * Krotov and Hopfield's competing hidden units (D. Krotov, J. J. Hopfield, "Unsupervised learning by competing
 * hidden units", PNAS 116:7723, 2019; reference/hebbian-muscle-ep.md §4.1, with the minibatch form of the authors'
 * notebook). Per sample, the units are ranked by their current {@code I_μ = ⟨W_μ, x⟩_p = Σ_i |W_μi|^{p−2} W_μi x_i};
 * the strongest gets {@code g = 1}, the {@code k}-th strongest {@code g = −Δ}, the others 0 (ties go to the lower
 * index). Step: {@code Δw_μ = Σ_b g_{bμ}·(R^p x_b − I_{bμ} w_μ)}, then the whole step is divided by its largest
 * absolute element (so the largest weight change equals η, as in the notebook). Batched:
 * {@code G' = R^p·G/m}, {@code Q = diag(Σ_b G∘I)·W/m}. Features: {@code max(I, 0)^n}.
 */
final class KrotovHopfieldRule extends HebbianRule {

    /** The notebook's floor of the normalizing maximum ({@code prec = 1e-30}). */
    static final double NORMALIZATION_FLOOR = 1e-30;

    private final double norm;
    private final int rank;
    private final double strength;
    private final double radiusPower;
    private final double featurePower;
    private final double[] decay;
    private final int[] best;
    private float[] transformed = new float[0];

    KrotovHopfieldRule(int inputs, int outputs, double norm, int rank, double strength, double radius,
                       double featurePower) {
        super(inputs, outputs);
        this.norm = norm;
        this.rank = rank;
        this.strength = strength;
        this.radiusPower = Math.pow(radius, norm);
        this.featurePower = featurePower;
        this.decay = new double[outputs];
        this.best = new int[rank];
    }

    @Override
    public void currents(float[] x, float[] forward, float[] weights, int batch, float[] out) {
        if (norm == 2) {
            super.currents(x, forward, weights, batch, out);
            return;
        }
        int count = outputs * inputs;
        if (transformed.length < count) {
            transformed = new float[count];
        }
        double exponent = norm - 1;
        for (int k = 0; k < count; k++) {
            float w = weights[k];
            transformed[k] = (float) Math.copySign(Math.pow(Math.abs(w), exponent), w);
        }
        Kernels.gemm(Transpose.NO, Transpose.YES, batch, outputs, inputs, 1f, x, 0, inputs, transformed, 0, inputs,
                0f, out, 0, outputs);
    }

    @Override
    void terms(float[] x, float[] currents, float[] weights, int batch) {
        Arrays.fill(coefficients, 0, batch * outputs, 0f);
        Arrays.fill(decay, 0.0);
        for (int b = 0; b < batch; b++) {
            int base = b * outputs;
            int found = KrotovHopfieldRule.topRanks(currents, base, outputs, rank, best);
            int top = best[0];
            coefficients[base + top] = (float) radiusPower;
            decay[top] += currents[base + top];
            if (found == rank) {
                int pushed = best[rank - 1];
                coefficients[base + pushed] = (float) (-strength * radiusPower);
                decay[pushed] += -strength * currents[base + pushed];
            }
        }
        scaledRows(weights, decay);
    }

    @Override
    void normalize(float[] delta, int batch) {
        int count = outputs * inputs;
        float largest = 0f;
        for (int k = 0; k < count; k++) {
            largest = Math.max(largest, Math.abs(delta[k]));
        }
        float inverse = (float) (1.0 / Math.max(largest, NORMALIZATION_FLOOR));
        for (int k = 0; k < count; k++) {
            delta[k] *= inverse;
            reconstruction[k] *= inverse;
        }
        for (int k = 0; k < batch * outputs; k++) {
            coefficients[k] *= inverse;
        }
    }

    /**
     * Indices of the {@code k} largest values of one row, largest first, ties to the lower index.
     *
     * @return how many were found ({@code min(k, n)})
     */
    static int topRanks(float[] values, int offset, int n, int k, int[] best) {
        int count = 0;
        for (int j = 0; j < n; j++) {
            float v = values[offset + j];
            if (count == k && !(v > values[offset + best[count - 1]])) {
                continue;
            }
            int position = count < k ? count++ : k - 1;
            while (position > 0 && v > values[offset + best[position - 1]]) {
                best[position] = best[position - 1];
                position--;
            }
            best[position] = j;
        }
        return count;
    }

    @Override
    public void features(float[] currents, float[] weights, int batch, float[] out) {
        int count = batch * outputs;
        for (int k = 0; k < count; k++) {
            float v = Math.max(currents[k], 0f);
            out[k] = featurePower == 1 ? v : (float) Math.pow(v, featurePower);
        }
    }
}
