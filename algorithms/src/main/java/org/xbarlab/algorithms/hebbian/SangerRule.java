package org.xbarlab.algorithms.hebbian;

import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * Sanger's generalized Hebbian algorithm (T. D. Sanger, "Optimal unsupervised learning in a single-layer linear
 * feedforward neural network", Neural Networks 2:459, 1989), with an optional output nonlinearity {@code y = f(s)}
 * (Karhunen and Joutsensalo's nonlinear PCA, FastHebb's {@code hpca}): per sample
 * {@code Δw_i = (1/M)·y_i·(x − Σ_{j≤i} y_j w_j)}. Batched with FastHebb's reordering (reference §1.4(b)): the
 * {@code N × N} Gram matrix first, then one product with {@code W}:
 * {@code ΔW = (1/M)·[YᵀX − tril(YᵀY)·W]}, i.e. {@code G' = Y/M} and {@code Q = tril(YᵀY)·W/M}. Features: {@code y}.
 */
final class SangerRule extends HebbianRule {

    private final Activation activation;
    private final float[] gram;
    private float[] activity = new float[0];

    SangerRule(int inputs, int outputs, Activation activation) {
        super(inputs, outputs);
        this.activation = activation;
        this.gram = new float[outputs * outputs];
    }

    @Override
    void terms(float[] x, float[] currents, float[] weights, int batch) {
        int count = batch * outputs;
        if (activity.length < count) {
            activity = new float[count];
        }
        activation.apply(currents, activity, count);
        float scale = 1f / batch;
        for (int k = 0; k < count; k++) {
            coefficients[k] = activity[k] * scale;
        }
        // tril(YᵀY)/M: the Gram matrix, then the strict upper triangle cleared (unit i is reconstructed from units
        // 0..i only).
        Kernels.gemm(Transpose.YES, Transpose.NO, outputs, outputs, batch, scale, activity, 0, outputs, activity, 0,
                outputs, 0f, gram, 0, outputs);
        for (int i = 0; i < outputs; i++) {
            java.util.Arrays.fill(gram, i * outputs + i + 1, (i + 1) * outputs, 0f);
        }
        Kernels.gemm(Transpose.NO, Transpose.NO, outputs, inputs, outputs, 1f, gram, 0, outputs, weights, 0, inputs,
                0f, reconstruction, 0, inputs);
    }

    @Override
    public void features(float[] currents, float[] weights, int batch, float[] out) {
        activation.apply(currents, out, batch * outputs);
    }
}
