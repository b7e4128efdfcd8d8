package org.xbarlab.algorithms.muscle;

import java.util.Arrays;

import org.xbarlab.core.Checks;

/**
 * The invariant-information-clustering objective (X. Ji, J. F. Henriques, A. Vedaldi, "Invariant Information
 * Clustering for Unsupervised Image Classification and Segmentation", ICCV 2019) that MUSCLE adds to supervised
 * training (H. Xie, M. E. Hussein, A. Galstyan, W. AbdAlmageed, "MUSCLE: Strengthening Semi-Supervised Learning via
 * Concurrent Unsupervised Learning Using Mutual Information Maximization", arXiv 2012.00150; reference/
 * hebbian-muscle-ep.md §2.2).
 *
 * <p>For a batch of {@code B} samples with class probabilities {@code z_k} of one view and {@code z'_k} of another
 * (each a row of {@code C} values summing to 1):
 * <ol>
 *   <li>joint {@code P = (1/B)·Σ_k z_k z'_kᵀ} ({@code C × C}), symmetrized {@code P ← (P + Pᵀ)/2};</li>
 *   <li>IIC's epsilon handling: entries below ε are set to ε ({@code P̃ = max(P, ε)}), and such entries pass no
 *       gradient; the marginals are the row and column sums of the clamped {@code P̃};</li>
 *   <li>{@code I = Σ_{ab} P̃_ab·(ln P̃_ab − ln r_a − ln s_b)} and the loss {@code L = −I}.</li>
 * </ol>
 * The gradient is analytic: {@code ∂I/∂P̃_ab = ln P̃_ab − ln r_a − ln s_b − 1}, masked where clamped, symmetrized back
 * through step 1, then {@code ∂/∂z_{k,a} = (1/B)·Σ_b Γ_ab z'_{k,b}} and {@code ∂/∂z'_{k,b} = (1/B)·Σ_a Γ_ab z_{k,a}},
 * and through the softmax {@code ∂/∂ℓ_c = z_c·(g_c − Σ_j z_j g_j)} for the logit form. {@code I} lies in
 * {@code [0, ln C]}: 0 for independent views, {@code ln C} for confident, consistent predictions that use every class
 * equally. Everything is computed in double precision ({@code O(B·C + C²)} work).
 *
 * <p>Work buffers grow to the largest batch seen. Not thread-safe.
 */
public final class MutualInformationLoss {

    /** IIC's clamp of the joint: Python's {@code sys.float_info.epsilon}, 2^-52. */
    public static final double DEFAULT_EPSILON = 0x1.0p-52;

    private final int classes;
    private final double epsilon;
    private final double[] joint;
    private final double[] gamma;
    private final double[] rowSums;
    private final double[] columnSums;
    private double[] first = new double[0];
    private double[] second = new double[0];
    private double[] firstGradient = new double[0];
    private double[] secondGradient = new double[0];

    /**
     * @param classes {@code C}, at least 2
     * @param epsilon the clamp ε of the joint, positive and below {@code 1/C²}
     */
    public MutualInformationLoss(int classes, double epsilon) {
        this.classes = Checks.inRange("classes", classes, 2, 100_000);
        Checks.positiveFinite("epsilon", epsilon);
        Checks.isTrue(epsilon < 1.0 / ((double) classes * classes), "epsilon must be below 1/C² = %s, got %s",
                1.0 / ((double) classes * classes), epsilon);
        this.epsilon = epsilon;
        this.joint = new double[classes * classes];
        this.gamma = new double[classes * classes];
        this.rowSums = new double[classes];
        this.columnSums = new double[classes];
    }

    /** {@code C}. */
    public int classes() {
        return classes;
    }

    /** ε. */
    public double epsilon() {
        return epsilon;
    }

    /**
     * The mutual information of a joint distribution, with the clamp and the marginals as above (no symmetrization:
     * pass a symmetric matrix to get the loss's value).
     *
     * @param joint {@code C × C}, row-major, non-negative; read only
     * @param classes {@code C}
     * @param epsilon the clamp
     * @return {@code I}, in nats
     */
    public static double mutualInformation(double[] joint, int classes, double epsilon) {
        double[] rows = new double[classes];
        double[] columns = new double[classes];
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < classes; b++) {
                double p = Math.max(joint[a * classes + b], epsilon);
                rows[a] += p;
                columns[b] += p;
            }
        }
        double information = 0;
        for (int a = 0; a < classes; a++) {
            for (int b = 0; b < classes; b++) {
                double p = Math.max(joint[a * classes + b], epsilon);
                information += p * (Math.log(p) - Math.log(rows[a]) - Math.log(columns[b]));
            }
        }
        return information;
    }

    /**
     * The loss {@code −I} and its gradient with respect to both views' probabilities.
     *
     * @param probabilities1 {@code z}, row-major {@code batch × C}; read only
     * @param probabilities2 {@code z'}, row-major {@code batch × C}; read only
     * @param batch {@code B}, at least 1
     * @param gradient1 receives {@code ∂L/∂z}, row-major {@code batch × C}; overwritten
     * @param gradient2 receives {@code ∂L/∂z'}; overwritten
     * @return {@code L = −I}
     */
    public double lossAndProbabilityGradient(double[] probabilities1, double[] probabilities2, int batch,
                                             double[] gradient1, double[] gradient2) {
        Checks.positive("batch", batch);
        int c = classes;
        Arrays.fill(joint, 0.0);
        for (int k = 0; k < batch; k++) {
            int base = k * c;
            for (int a = 0; a < c; a++) {
                double za = probabilities1[base + a];
                if (za == 0) {
                    continue;
                }
                for (int b = 0; b < c; b++) {
                    joint[a * c + b] += za * probabilities2[base + b];
                }
            }
        }
        for (int a = 0; a < c; a++) {
            for (int b = a; b < c; b++) {
                double symmetric = (joint[a * c + b] + joint[b * c + a]) / (2.0 * batch);
                joint[a * c + b] = symmetric;
                joint[b * c + a] = symmetric;
            }
        }
        Arrays.fill(rowSums, 0.0);
        Arrays.fill(columnSums, 0.0);
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                double p = Math.max(joint[a * c + b], epsilon);
                rowSums[a] += p;
                columnSums[b] += p;
            }
        }
        double information = 0;
        for (int a = 0; a < c; a++) {
            double logRow = Math.log(rowSums[a]);
            for (int b = 0; b < c; b++) {
                double raw = joint[a * c + b];
                double p = Math.max(raw, epsilon);
                double logRatio = Math.log(p) - logRow - Math.log(columnSums[b]);
                information += p * logRatio;
                // ∂L/∂P_sym = −∂I/∂P̃, zero where the clamp is active.
                gamma[a * c + b] = raw < epsilon ? 0.0 : -(logRatio - 1);
            }
        }
        // Through the symmetrization: ∂L/∂P_ab = (Γ_ab + Γ_ba)/2; then through P = (1/B)·Σ z z'ᵀ.
        for (int a = 0; a < c; a++) {
            for (int b = a + 1; b < c; b++) {
                double mean = 0.5 * (gamma[a * c + b] + gamma[b * c + a]);
                gamma[a * c + b] = mean;
                gamma[b * c + a] = mean;
            }
        }
        double inverseBatch = 1.0 / batch;
        for (int k = 0; k < batch; k++) {
            int base = k * c;
            for (int a = 0; a < c; a++) {
                double sum1 = 0;
                double sum2 = 0;
                for (int b = 0; b < c; b++) {
                    sum1 += gamma[a * c + b] * probabilities2[base + b];
                    sum2 += gamma[b * c + a] * probabilities1[base + b];
                }
                gradient1[base + a] = inverseBatch * sum1;
                gradient2[base + a] = inverseBatch * sum2;
            }
        }
        return -information;
    }

    /**
     * The loss {@code −I} with the views' probabilities given as logits ({@code z = softmax(ℓ)} per row), and its
     * gradient with respect to both views' logits.
     *
     * @param logits1 {@code ℓ}, row-major {@code batch × C}; read only
     * @param logits2 {@code ℓ'}, row-major {@code batch × C}; read only
     * @param batch {@code B}, at least 1
     * @param gradient1 receives {@code ∂L/∂ℓ}; overwritten
     * @param gradient2 receives {@code ∂L/∂ℓ'}; overwritten
     * @return {@code L = −I}
     */
    public double lossAndLogitGradient(double[] logits1, double[] logits2, int batch, double[] gradient1,
                                       double[] gradient2) {
        ensure(batch);
        softmax(logits1, 0, first, batch, classes);
        softmax(logits2, 0, second, batch, classes);
        double loss = lossAndProbabilityGradient(first, second, batch, firstGradient, secondGradient);
        softmaxBackward(first, firstGradient, gradient1, batch, classes);
        softmaxBackward(second, secondGradient, gradient2, batch, classes);
        return loss;
    }

    /**
     * The float form of {@link #lossAndLogitGradient(double[], double[], int, double[], double[])} for a network:
     * both views may live in one array at different offsets, and the gradients are <b>added</b>, times a weight, to
     * the caller's gradient buffers (so several losses can share them).
     *
     * @param logits1 holds {@code ℓ} from {@code offset1}, row-major {@code batch × C}; read only
     * @param offset1 index of {@code ℓ}'s first element
     * @param logits2 holds {@code ℓ'} from {@code offset2}; read only
     * @param offset2 index of {@code ℓ'}'s first element
     * @param batch {@code B}, at least 1
     * @param weight the factor of the added gradient (λ)
     * @param gradient1 receives {@code += weight·∂L/∂ℓ} from {@code offset1}
     * @param gradient2 receives {@code += weight·∂L/∂ℓ'} from {@code offset2}; may be {@code gradient1}
     * @return {@code L = −I} (not weighted)
     */
    public double addLogitGradient(float[] logits1, int offset1, float[] logits2, int offset2, int batch,
                                   double weight, float[] gradient1, float[] gradient2) {
        ensure(batch);
        int count = batch * classes;
        // Reuse the gradient buffers as double logits: they are overwritten below.
        for (int k = 0; k < count; k++) {
            firstGradient[k] = logits1[offset1 + k];
            secondGradient[k] = logits2[offset2 + k];
        }
        softmax(firstGradient, 0, first, batch, classes);
        softmax(secondGradient, 0, second, batch, classes);
        double loss = lossAndProbabilityGradient(first, second, batch, firstGradient, secondGradient);
        addSoftmaxBackward(first, firstGradient, gradient1, offset1, batch, classes, weight);
        addSoftmaxBackward(second, secondGradient, gradient2, offset2, batch, classes, weight);
        return loss;
    }

    private void ensure(int batch) {
        int count = batch * classes;
        if (first.length < count) {
            first = new double[count];
            second = new double[count];
            firstGradient = new double[count];
            secondGradient = new double[count];
        }
    }

    /** Row-wise softmax, stable (the largest logit subtracted first). */
    static void softmax(double[] logits, int offset, double[] out, int batch, int classes) {
        for (int k = 0; k < batch; k++) {
            int base = k * classes;
            double largest = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < classes; c++) {
                largest = Math.max(largest, logits[offset + base + c]);
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                double e = Math.exp(logits[offset + base + c] - largest);
                out[base + c] = e;
                sum += e;
            }
            for (int c = 0; c < classes; c++) {
                out[base + c] /= sum;
            }
        }
    }

    private static void softmaxBackward(double[] z, double[] g, double[] out, int batch, int classes) {
        for (int k = 0; k < batch; k++) {
            int base = k * classes;
            double dot = 0;
            for (int c = 0; c < classes; c++) {
                dot += z[base + c] * g[base + c];
            }
            for (int c = 0; c < classes; c++) {
                out[base + c] = z[base + c] * (g[base + c] - dot);
            }
        }
    }

    private static void addSoftmaxBackward(double[] z, double[] g, float[] out, int offset, int batch, int classes,
                                           double weight) {
        for (int k = 0; k < batch; k++) {
            int base = k * classes;
            double dot = 0;
            for (int c = 0; c < classes; c++) {
                dot += z[base + c] * g[base + c];
            }
            for (int c = 0; c < classes; c++) {
                out[offset + base + c] += (float) (weight * z[base + c] * (g[base + c] - dot));
            }
        }
    }
}
