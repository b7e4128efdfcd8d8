package org.xbarlab.core.random;

/**
 * The names of all random streams, in one place (STYLE.md B5). A name is {@code "<module>/<purpose>"} in lower
 * case with hyphens. Names are part of the results format: renaming one changes the numbers of its consumers, so a
 * published name never changes. A new consumer of randomness adds a constant here, a row in
 * {@code docs/reproducibility.md} (a test checks that every constant is listed there), and takes its stream with
 * {@link RngStreams#stream(String, long...)}.
 *
 * <p>The indices given with a name are chosen and documented by the consumer; the ones below are suggestions. Two
 * consumers never share a name, even when they need the same kind of numbers.
 */
public final class StreamNames {

    /**
     * Device-to-device variability, drawn once when a device population is built (aihwkit's construction seed).
     * Typical indices: array index, tile index. A sweep reuses the same population at every point unless it asks for a
     * fresh population per trial.
     */
    public static final String DEVICES_CONSTRUCTION = "devices/construction";

    /** Cycle-to-cycle variability, drawn per device operation. Typical indices: array index,
     * tile index. */
    public static final String DEVICES_CYCLE = "devices/cycle";

    /** Read noise added to the outputs of a crossbar read or matrix-vector multiplication. Typical indices:
     * tile index. */
    public static final String CROSSBAR_READ_NOISE = "crossbar/read-noise";

    /** Randomness of pulsed updates (stochastic pulse trains, pulse rounding). Typical indices: tile index. */
    public static final String CROSSBAR_UPDATE = "crossbar/update";

    /** Initial values of trainable parameters (weights). Typical indices: layer index. */
    public static final String ALGORITHMS_INIT = "algorithms/init";

    /** Order of training samples (shuffling per epoch). Typical indices: epoch. */
    public static final String ALGORITHMS_SHUFFLE = "algorithms/shuffle";

    /** Generation of synthetic datasets. Typical indices: dataset split, when a dataset has
     * several. */
    public static final String DATA_SYNTHETIC = "data/synthetic";

    /** Data augmentation (noise, shifts) applied to inputs. Typical indices: epoch. */
    public static final String DATA_AUGMENT = "data/augment";

    private StreamNames() {
    }
}
