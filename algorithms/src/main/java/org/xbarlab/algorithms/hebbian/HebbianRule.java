package org.xbarlab.algorithms.hebbian;

import org.xbarlab.core.Checks;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;

/**
 * One local learning rule in the batched matrix form of FastHebb (Lagani et al. 2022, arXiv 2207.03172;
 * reference/hebbian-muscle-ep.md §1.4): for a mini-batch {@code X} ({@code M × D}, rows are samples), weights
 * {@code W} ({@code N × D}) and the units' currents {@code S} ({@code M × N}, normally {@code X·Wᵀ} as the crossbar
 * computes it), the step is
 *
 * <pre>  ΔW = G'ᵀ·X − Q</pre>
 *
 * with a coefficient matrix {@code G'} ({@code M × N}: gate × aggregation weight, per sample and unit) and a term
 * {@code Q} ({@code N × D}) that multiplies the present weights: {@code diag(G'ᵀ1)·W} for the instar rules,
 * {@code tril(YᵀY)·W/M} for Sanger. Both big products go through {@link Kernels#gemm}; nothing is computed per
 * sample except the competition, which is per sample by definition. {@link HebbianReference} is the slow per-sample
 * form the tests compare against.
 *
 * <p>The weights then change by {@code W ← W + η·ΔW}. Work buffers grow to the largest batch seen; the arrays returned
 * by {@link #coefficients()} and {@link #reconstruction()} are owned by the rule and valid until the next call.
 * Not thread-safe.
 */
public abstract sealed class HebbianRule permits SoftWinnerTakeAllRule, SangerRule, KrotovHopfieldRule {

    /** Guard against dividing by a zero norm (an all-zero input or weight row). */
    static final double TINY_NORM = 1e-12;

    /** Inputs {@code D}. */
    protected final int inputs;
    /** Units {@code N}. */
    protected final int outputs;
    /** {@code G'}, {@code batch × outputs}. */
    protected float[] coefficients = new float[0];
    /** {@code Q}, {@code outputs × inputs}. */
    protected final float[] reconstruction;

    HebbianRule(int inputs, int outputs) {
        this.inputs = Checks.positive("inputs", inputs);
        this.outputs = Checks.positive("outputs", outputs);
        this.reconstruction = new float[outputs * inputs];
    }

    /**
     * The rule a config names, for one layer.
     *
     * @param config the settings
     * @param inputs {@code D}
     * @param outputs {@code N}
     * @return a new rule with its own buffers
     */
    public static HebbianRule create(HebbianConfig config, int inputs, int outputs) {
        Checks.notNull("config", config);
        return switch (config.rule()) {
            case SOFT_WTA -> new SoftWinnerTakeAllRule(inputs, outputs, config.temperature(), config.aggregation());
            case SANGER_PCA -> new SangerRule(inputs, outputs, config.activation());
            case KROTOV_HOPFIELD -> new KrotovHopfieldRule(inputs, outputs, config.krotovNorm(),
                    config.krotovRank(), config.krotovAntiHebbianStrength(), config.krotovRadius(),
                    config.krotovFeaturePower());
        };
    }

    /** Inputs {@code D}. */
    public int inputs() {
        return inputs;
    }

    /** Units {@code N}. */
    public int outputs() {
        return outputs;
    }

    /**
     * The currents the competition uses, from the crossbar's forward outputs: {@code X·Wᵀ} itself for every rule
     * except Krotov–Hopfield with {@code p > 2}, whose overlap {@code Σ_i |W_μi|^{p−2} W_μi x_i} is computed here
     * with one matrix product from the weights.
     *
     * @param x inputs, row-major {@code batch × inputs}; read only
     * @param forward the crossbar's outputs {@code W·x_b}, row-major {@code batch × outputs}; read only
     * @param weights {@code W}, row-major {@code outputs × inputs}; read only
     * @param batch {@code M}, at least 1
     * @param out the currents, row-major {@code batch × outputs}; overwritten; may be {@code forward}
     */
    public void currents(float[] x, float[] forward, float[] weights, int batch, float[] out) {
        if (out != forward) {
            System.arraycopy(forward, 0, out, 0, batch * outputs);
        }
    }

    /**
     * Computes {@code G'} and {@code Q} of a mini-batch (readable through {@link #coefficients()} and
     * {@link #reconstruction()}) and the step {@code ΔW = G'ᵀ·X − Q}.
     *
     * @param x inputs {@code X}, row-major {@code batch × inputs}; read only
     * @param currents {@code S}, row-major {@code batch × outputs} (see {@link #currents}); read only
     * @param weights {@code W}, row-major {@code outputs × inputs}; read only
     * @param batch {@code M}, at least 1
     * @param delta receives {@code ΔW}, row-major {@code outputs × inputs}; overwritten; must not alias the inputs
     */
    public final void delta(float[] x, float[] currents, float[] weights, int batch, float[] delta) {
        Checks.positive("batch", batch);
        if (coefficients.length < batch * outputs) {
            coefficients = new float[batch * outputs];
        }
        terms(x, currents, weights, batch);
        // ΔW = G'ᵀ·X − Q: one rank-M product, then the weight-dependent term.
        Kernels.gemm(Transpose.YES, Transpose.NO, outputs, inputs, batch, 1f, coefficients, 0, outputs, x, 0,
                inputs, 0f, delta, 0, inputs);
        int count = outputs * inputs;
        for (int k = 0; k < count; k++) {
            delta[k] -= reconstruction[k];
        }
        normalize(delta, batch);
    }

    /**
     * {@code G'} of the last {@link #delta} call, row-major {@code batch × outputs}, such that the Hebbian term is
     * {@code G'ᵀ·X}: what a pulsed outer-product update {@code Crossbar.update(X, −G', η)} writes.
     */
    public float[] coefficients() {
        return coefficients;
    }

    /** {@code Q} of the last {@link #delta} call, row-major {@code outputs × inputs}. */
    public float[] reconstruction() {
        return reconstruction;
    }

    /**
     * The layer's output activity, passed to the next layer and to the evaluation.
     *
     * @param currents the currents of {@link #currents}, row-major {@code batch × outputs}; read only
     * @param weights {@code W}; read only
     * @param batch number of samples
     * @param out row-major {@code batch × outputs}; overwritten; may be {@code currents}
     */
    public abstract void features(float[] currents, float[] weights, int batch, float[] out);

    /** Fills {@link #coefficients} and {@link #reconstruction} (the buffers are large enough). */
    abstract void terms(float[] x, float[] currents, float[] weights, int batch);

    /** A rule-specific scaling of the finished step (and of its terms); none by default. */
    void normalize(float[] delta, int batch) {
    }

    /** Euclidean norm of row {@code row} of a {@code rows × columns} matrix, in double. */
    static double rowNorm(float[] matrix, int row, int columns) {
        double sum = 0;
        int base = row * columns;
        for (int j = 0; j < columns; j++) {
            double v = matrix[base + j];
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** {@code Q = diag(decay)·W}. */
    final void scaledRows(float[] weights, double[] decay) {
        for (int i = 0; i < outputs; i++) {
            float factor = (float) decay[i];
            int base = i * inputs;
            for (int j = 0; j < inputs; j++) {
                reconstruction[base + j] = factor * weights[base + j];
            }
        }
    }
}
