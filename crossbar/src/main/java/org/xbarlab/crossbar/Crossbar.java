package org.xbarlab.crossbar;

import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;

/**
 * A weight matrix held by a chip: what learning algorithms talk to. Weights are stored {@code rows × columns}
 * (rows = outputs, columns = inputs) in normalized units; every operation is batched, and every operation of an
 * analog implementation charges its energy and latency to the {@link #ledger() ledger}.
 *
 * <p>Sign convention of the update: {@code W ← W − η·Σ_b d_b·x_bᵀ}, i.e. gradient descent when {@code d} is the
 * gradient of the loss with respect to the outputs {@code y = W·x}.
 *
 * <p>Implementations are not thread-safe: one training thread owns a crossbar.
 */
public interface Crossbar extends org.xbarlab.core.state.Stateful {

    /** Rows of the weight matrix: the number of outputs of {@link #forward}. */
    int rows();

    /** Columns of the weight matrix: the number of inputs of {@link #forward}. */
    int columns();

    /**
     * Forward product {@code y_b = W·x_b} for every sample.
     *
     * @param x inputs, row-major {@code batch × columns}; read only
     * @param batch number of samples, at least 1
     * @param y outputs, row-major {@code batch × rows}; overwritten
     * @param phase the phase to charge (training or inference)
     */
    void forward(float[] x, int batch, float[] y, Phase phase);

    /**
     * Transposed product {@code z_b = Wᵀ·d_b} for every sample (backpropagation, equilibrium propagation's
     * feedback).
     *
     * @param d inputs of the transposed product, row-major {@code batch × rows}; read only
     * @param batch number of samples, at least 1
     * @param z outputs, row-major {@code batch × columns}; overwritten
     * @param phase the phase to charge
     */
    void backward(float[] d, int batch, float[] z, Phase phase);

    /**
     * Outer-product update {@code W ← W − η·Σ_b d_b·x_bᵀ}, charged to {@link Phase#TRAINING}.
     *
     * @param x inputs, row-major {@code batch × columns}; read only
     * @param d output gradients, row-major {@code batch × rows}; read only
     * @param batch number of samples, at least 1
     * @param learningRate η, non-negative and finite
     * @return what the update did to the devices
     */
    UpdateResult update(float[] x, float[] d, int batch, double learningRate);

    /**
     * Dense update {@code W ← W + ΔW} with a change computed digitally, charged to {@link Phase#TRAINING}: how a
     * digital optimizer (Adam, momentum, a rounded SGD step as MLP+NeuroSim writes it) reaches the devices. An
     * analog tile turns each element's change into a whole number of write pulses, {@code n = ΔW/Δw_min} rounded
     * (deterministically or stochastically, as its pulse scheme says), as MLP+NeuroSim V3.0 does for every update
     * ({@code nPulse = round(ΔW/2·maxNumLevel)}), at most the pulse scheme's {@code maxPulsesPerUpdate}; or it programs {@code W + ΔW} when its update method is
     * programming. The digital computation of {@code ΔW} itself is not charged.
     *
     * @param delta the change, row-major {@code rows × columns}; read only
     * @return what the update did to the devices
     */
    UpdateResult applyDelta(float[] delta);

    /**
     * Programs the weights directly (one-shot or write-verify, as configured), charged to
     * {@link Phase#PROGRAMMING}.
     *
     * @param weights the target weights, row-major {@code rows × columns}; read only
     * @return what programming did
     */
    ProgrammingResult program(float[] weights);

    /**
     * The weights the chip holds now, without read noise (what a perfect read-out would give), for inspection and
     * reports; not charged.
     *
     * @param out row-major {@code rows × columns}; overwritten
     */
    void readWeights(float[] out);

    /**
     * Lets time pass without operations (drift, retention), for example between training and inference.
     *
     * @param seconds elapsed time, non-negative and finite
     */
    void advanceTime(double seconds);

    /** The ledger every operation charges. */
    CostLedger ledger();

    /**
     * Writes the crossbar's mutable state for a checkpoint (see {@link org.xbarlab.core.state.Stateful}). The
     * crossbars of the library implement it; another implementation refuses.
     *
     * @param out where to write
     * @throws UnsupportedOperationException if this crossbar cannot be checkpointed
     */
    @Override
    default void saveState(org.xbarlab.core.state.StateWriter out) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }

    /**
     * Reads back what {@link #saveState} wrote.
     *
     * @param in where to read
     * @throws UnsupportedOperationException if this crossbar cannot be checkpointed
     */
    @Override
    default void restoreState(org.xbarlab.core.state.StateReader in) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be checkpointed");
    }
}
