package org.xbarlab.algorithms.network;

/**
 * Adam (D. P. Kingma, J. Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, arXiv:1412.6980, Algorithm 1)
 * for one parameter array, with the arithmetic of PyTorch's {@code torch.optim.Adam} (no weight decay, no AMSGrad):
 *
 * <pre>
 *   t ← t + 1
 *   m ← β1·m + (1 − β1)·g
 *   v ← β2·v + (1 − β2)·g²
 *   θ ← θ − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + ε)
 * </pre>
 *
 * Note where ε enters: it is added after the bias correction of {@code √v}, as PyTorch does, not to
 * {@code √v̂} before it as some texts write. The bias corrections are computed in double, the element updates in
 * float. Not thread-safe.
 */
public final class AdamOptimizer implements org.xbarlab.core.state.Stateful {

    /** Decay of the first-moment average (PyTorch default). */
    public static final double BETA1 = 0.9;
    /** Decay of the second-moment average (PyTorch default). */
    public static final double BETA2 = 0.999;
    /** Added to the denominator (PyTorch default). */
    public static final double EPSILON = 1e-8;

    private final float[] firstMoment;
    private final float[] secondMoment;
    private int step;

    /**
     * @param size number of parameters, at least 0
     */
    public AdamOptimizer(int size) {
        firstMoment = new float[size];
        secondMoment = new float[size];
    }

    /**
     * One update of {@code parameters} from {@code gradients}.
     *
     * @param parameters modified in place; at least {@code size} values
     * @param gradients gradient of the loss; read only
     * @param learningRate the learning rate of this step, positive
     */
    public void step(float[] parameters, float[] gradients, double learningRate) {
        advance(gradients, learningRate, parameters, true);
    }

    /**
     * One step that returns the change instead of applying it: {@code Δθ = −(lr/(1 − β1^t))·m/(√v/√(1 − β2^t) + ε)},
     * for parameters held elsewhere (a crossbar's weights, written by {@code Crossbar.applyDelta}).
     *
     * @param gradients gradient of the loss; read only
     * @param learningRate the learning rate of this step, positive
     * @param change receives the change; overwritten
     */
    public void change(float[] gradients, double learningRate, float[] change) {
        advance(gradients, learningRate, change, false);
    }

    private void advance(float[] gradients, double learningRate, float[] out, boolean accumulate) {
        step++;
        double biasCorrection1 = 1 - Math.pow(BETA1, step);
        double biasCorrection2 = 1 - Math.pow(BETA2, step);
        float stepSize = (float) (learningRate / biasCorrection1);
        float correction2Sqrt = (float) Math.sqrt(biasCorrection2);
        float beta1 = (float) BETA1;
        float beta2 = (float) BETA2;
        float oneMinusBeta1 = (float) (1 - BETA1);
        float oneMinusBeta2 = (float) (1 - BETA2);
        float epsilon = (float) EPSILON;
        for (int i = 0; i < firstMoment.length; i++) {
            float g = gradients[i];
            float m = beta1 * firstMoment[i] + oneMinusBeta1 * g;
            float v = beta2 * secondMoment[i] + oneMinusBeta2 * g * g;
            firstMoment[i] = m;
            secondMoment[i] = v;
            float denominator = (float) Math.sqrt(v) / correction2Sqrt + epsilon;
            float delta = -stepSize * m / denominator;
            out[i] = accumulate ? out[i] + delta : delta;
        }
    }

    /** @return the number of steps taken */
    public int steps() {
        return step;
    }

    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeFloats("firstMoment", firstMoment);
        out.writeFloats("secondMoment", secondMoment);
        out.writeInt("step", step);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        in.readFloats("firstMoment", firstMoment);
        in.readFloats("secondMoment", secondMoment);
        step = in.readInt("step");
    }
}
