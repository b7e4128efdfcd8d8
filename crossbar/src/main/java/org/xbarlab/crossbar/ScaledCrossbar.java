package org.xbarlab.crossbar;

import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;

/**
 * A crossbar whose weights are held at a scale: the inner crossbar holds {@code W/m}, normalized to its
 * conductance range, and a digital factor {@code m} restores the scale of every output (aihwkit's
 * {@code weight_scaling_omega} with digital output scaling). The scale is fixed when the weights are first
 * programmed: {@code m = headroom · max|W|}; weights that later grow beyond {@code ±m} clip in the devices.
 *
 * <p>Exactly equivalent to the inner crossbar for ideal hardware; on non-ideal hardware it makes the weights use the
 * devices' whole range, so converter noise and resolution act relative to that range, as on a chip.
 */
public final class ScaledCrossbar implements Crossbar {

    private final Crossbar inner;
    private final double headroom;
    private double scale = 1.0;
    private boolean scaleSet;
    private float[] buffer = new float[0];

    /**
     * @param inner the crossbar that holds the normalized weights (its mapping range should be 1)
     * @param headroom ratio of the range to the largest initial weight, at least 1
     */
    public ScaledCrossbar(Crossbar inner, double headroom) {
        this.inner = Checks.notNull("inner", inner);
        Checks.isTrue(headroom >= 1 && Double.isFinite(headroom), "headroom must be finite and at least 1, got %s",
                headroom);
        this.headroom = headroom;
    }

    /** The digital scale {@code m}: the weight held at the full conductance range. */
    public double scale() {
        return scale;
    }

    /** The crossbar that holds the normalized weights. */
    public Crossbar inner() {
        return inner;
    }

    @Override
    public int rows() {
        return inner.rows();
    }

    @Override
    public int columns() {
        return inner.columns();
    }

    @Override
    public void forward(float[] x, int batch, float[] y, Phase phase) {
        inner.forward(x, batch, y, phase);
        multiply(y, batch * rows(), (float) scale);
    }

    @Override
    public void backward(float[] d, int batch, float[] z, Phase phase) {
        inner.backward(d, batch, z, phase);
        multiply(z, batch * columns(), (float) scale);
    }

    @Override
    public UpdateResult update(float[] x, float[] d, int batch, double learningRate) {
        return inner.update(x, d, batch, learningRate / scale);
    }

    @Override
    public UpdateResult applyDelta(float[] delta) {
        return inner.applyDelta(normalized(delta));
    }

    @Override
    public ProgrammingResult program(float[] weights) {
        int count = rows() * columns();
        if (!scaleSet) {
            float largest = 0f;
            for (int k = 0; k < count; k++) {
                largest = Math.max(largest, Math.abs(weights[k]));
            }
            scale = largest > 0f ? headroom * largest : 1.0;
            scaleSet = true;
        }
        return inner.program(normalized(weights));
    }

    /** {@code values / m} in the reused buffer. */
    private float[] normalized(float[] values) {
        int count = rows() * columns();
        if (buffer.length < count) {
            buffer = new float[count];
        }
        float inverse = (float) (1.0 / scale);
        for (int k = 0; k < count; k++) {
            buffer[k] = values[k] * inverse;
        }
        return buffer;
    }

    @Override
    public void readWeights(float[] out) {
        inner.readWeights(out);
        multiply(out, rows() * columns(), (float) scale);
    }

    @Override
    public void advanceTime(double seconds) {
        inner.advanceTime(seconds);
    }

    @Override
    public CostLedger ledger() {
        return inner.ledger();
    }

    private static void multiply(float[] values, int count, float factor) {
        for (int k = 0; k < count; k++) {
            values[k] *= factor;
        }
    }

    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeDouble("scale", scale);
        out.writeBoolean("scaleSet", scaleSet);
        out.writeState("inner", inner);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        scale = in.readDouble("scale");
        scaleSet = in.readBoolean("scaleSet");
        in.readState("inner", inner);
    }
}
