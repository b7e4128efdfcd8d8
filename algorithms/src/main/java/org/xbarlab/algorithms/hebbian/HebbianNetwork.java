package org.xbarlab.algorithms.hebbian;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.xbarlab.algorithms.network.Activation;
import org.xbarlab.algorithms.network.BatchBoundary;
import org.xbarlab.algorithms.network.CrossbarFactory;
import org.xbarlab.algorithms.network.DenseLayer;
import org.xbarlab.algorithms.network.EpochLoop;
import org.xbarlab.algorithms.network.TrainingStopped;
import org.xbarlab.algorithms.wta.EpochResult;
import org.xbarlab.core.Checks;
import org.xbarlab.core.NumericalFailureException;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.progress.Progress;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.core.state.CheckpointException;
import org.xbarlab.core.state.StateReader;
import org.xbarlab.core.state.StateWriter;
import org.xbarlab.core.state.Stateful;
import org.xbarlab.crossbar.Crossbar;
import org.xbarlab.crossbar.UpdateResult;

/**
 * A stack of fully connected layers trained without labels by one local {@link HebbianRule} (FastHebb's soft-WTA
 * and Hebbian PCA, Krotov–Hopfield), every weight matrix on a {@link Crossbar}. For each mini-batch and layer
 * {@code l}, input first:
 * <ol>
 *   <li>the currents {@code S = X·Wᵀ} come from the crossbar's forward product ({@code Crossbar.forward}, charged as
 *       training);</li>
 *   <li>the weights {@code W} the decay/reconstruction term needs are read as {@link HebbianConfig#weightRead()}
 *       says (through the periphery: {@code inputs} forward products on unit vectors);</li>
 *   <li>the rule forms {@code ΔW = G'ᵀX − Q} with the sim-core kernels ({@link HebbianRule#delta});</li>
 *   <li>the step {@code η·ΔW} reaches the devices as {@link HebbianConfig#deviceUpdate()} says: by default
 *       {@code Crossbar.applyDelta(η·ΔW)}; with {@link DeviceUpdate#OUTER_PRODUCT_AND_DELTA} the Hebbian term goes
 *       through the pulsed outer-product {@code Crossbar.update(X, −G', η)} (exact for that term: it is a sum of
 *       {@code M} outer products {@code g'_b·x_bᵀ}) and only {@code −η·Q} through {@code applyDelta};</li>
 *   <li>the layer's features (computed from the currents before the update) are the next layer's input.</li>
 * </ol>
 * Every mini-batch's step is checked for non-finite values ({@link NumericalFailureException}); the
 * {@link EpochResult#meanLoss()} of an epoch is the mean over mini-batches of the mean squared element of the step
 * {@code ΔW} (before η) of all layers, a measure of how much the rule still moves the weights.
 *
 * <p>Every input sample is first preprocessed as {@link HebbianConfig#inputPreprocessing()} says (the training
 * set's per-pixel mean, computed at construction, subtracted; optionally each sample scaled to norm 1), in training,
 * in the initial weights drawn from samples and in {@link #features}.
 *
 * <p>Checkpoints ({@link Stateful}): the crossbars' states and the preprocessing mean; the rules keep no state between
 * mini-batches. {@link #trainEpoch(float[], int, int, Progress, BatchBoundary, StateReader)} continues an epoch from
 * the sample order an {@link EpochLoop} recorded, so a resumed run gives the same weights bit for bit.
 *
 * <p>Streams: {@code algorithms/init} (index = layer) for the initial weights, {@code algorithms/shuffle} (index =
 * epoch) for the sample order. Not thread-safe.
 */
public final class HebbianNetwork implements Stateful {

    /** Features are computed in chunks of at most this many samples. */
    private static final int FEATURE_CHUNK = 256;

    private final HebbianConfig config;
    private final RngStreams streams;
    private final List<Crossbar> crossbars = new ArrayList<>();
    private final List<HebbianRule> rules = new ArrayList<>();
    private final List<DenseLayer> views = new ArrayList<>();
    private final float[][] inputs;
    private final float[][] currents;
    private final float[][] weights;
    private final float[][] deltas;
    /** The per-pixel mean subtracted from every input, or null for {@link InputPreprocessing#NONE}. */
    private final float[] inputMean;
    private float[] identity = new float[0];
    private float[] readBuffer = new float[0];

    /**
     * Builds the layers on crossbars and programs the initial weights.
     *
     * @param config the settings
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     */
    public HebbianNetwork(HebbianConfig config, CrossbarFactory factory, RngStreams streams) {
        this(config, factory, streams, null, 0);
    }

    /**
     * Builds the layers on crossbars and programs the initial weights, drawing them from training samples when the
     * config asks for {@link WeightDistribution#SAMPLES}.
     *
     * @param config the settings
     * @param factory builds each layer's crossbar
     * @param streams the run's random streams
     * @param images training samples, row-major {@code samples × inputs}, or null (then the distribution must not be
     *     {@code samples}); read only
     * @param samples number of samples in {@code images}
     */
    public HebbianNetwork(HebbianConfig config, CrossbarFactory factory, RngStreams streams, float[] images,
                          int samples) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        Checks.notNull("factory", factory);
        List<Integer> sizes = config.layerSizes();
        int layers = config.weightLayers();
        int batch = config.batchSize();
        inputs = new float[layers + 1][];
        currents = new float[layers][];
        weights = new float[layers][];
        deltas = new float[layers][];
        inputMean = config.inputPreprocessing() == InputPreprocessing.NONE ? null
                : pixelMean(images, samples, sizes.get(0));
        for (int l = 0; l < layers; l++) {
            int in = sizes.get(l);
            int out = sizes.get(l + 1);
            Crossbar crossbar = factory.create(l, out, in);
            Checks.isTrue(crossbar.rows() == out && crossbar.columns() == in,
                    "the crossbar factory must build %d × %d crossbars for layer " + l, out, in);
            crossbars.add(crossbar);
            rules.add(HebbianRule.create(config, in, out));
            views.add(new DenseLayer(crossbar, Activation.IDENTITY));
            weights[l] = new float[out * in];
            deltas[l] = new float[out * in];
            currents[l] = new float[batch * out];
            inputs[l] = new float[batch * in];
            initialize(l, in, out, images, samples);
            crossbar.program(weights[l]);
        }
        inputs[layers] = new float[batch * config.outputs()];
    }

    private static float[] pixelMean(float[] images, int samples, int width) {
        Checks.isTrue(images != null && samples > 0,
                "inputPreprocessing other than 'none' needs the training samples (their per-pixel mean)");
        double[] sum = new double[width];
        for (int r = 0; r < samples; r++) {
            int base = r * width;
            for (int j = 0; j < width; j++) {
                sum[j] += images[base + j];
            }
        }
        float[] mean = new float[width];
        for (int j = 0; j < width; j++) {
            mean[j] = (float) (sum[j] / samples);
        }
        return mean;
    }

    /** Applies the input preprocessing to {@code rows} samples of the first layer's width, in place. */
    private void preprocess(float[] x, int rows) {
        if (inputMean == null) {
            return;
        }
        int width = inputMean.length;
        boolean normalize = config.inputPreprocessing() == InputPreprocessing.CENTER_NORMALIZE;
        for (int r = 0; r < rows; r++) {
            int base = r * width;
            double squares = 0;
            for (int j = 0; j < width; j++) {
                float v = x[base + j] - inputMean[j];
                x[base + j] = v;
                squares += (double) v * v;
            }
            if (normalize && squares > 0) {
                float factor = (float) (1 / Math.sqrt(squares));
                for (int j = 0; j < width; j++) {
                    x[base + j] *= factor;
                }
            }
        }
    }

    private void initialize(int layer, int in, int out, float[] images, int samples) {
        UniformRandomProvider random = streams.stream(StreamNames.ALGORITHMS_INIT, layer);
        float[] w = weights[layer];
        float scale = (float) config.initialWeightScale();
        switch (config.initialWeightDistribution()) {
            case UNIFORM -> RandomFill.uniform(random, w, 0, w.length, -scale, scale);
            case NORMAL -> RandomFill.normal(random, w, 0, w.length, 0f, scale);
            case SAMPLES -> fromSamples(layer, in, out, images, samples, random);
            default -> throw new IllegalStateException("unknown distribution " + config.initialWeightDistribution());
        }
        if (!config.normalizeInitialRows()) {
            return;
        }
        boolean krotov = config.rule() == HebbianRuleKind.KROTOV_HOPFIELD;
        double p = krotov ? config.krotovNorm() : 2;
        double radius = krotov ? config.krotovRadius() : 1;
        for (int i = 0; i < out; i++) {
            double sum = 0;
            for (int j = 0; j < in; j++) {
                sum += Math.pow(Math.abs(w[i * in + j]), p);
            }
            double norm = Math.pow(sum, 1 / p);
            if (norm > 0) {
                float factor = (float) (radius / norm);
                for (int j = 0; j < in; j++) {
                    w[i * in + j] *= factor;
                }
            }
        }
    }

    /** Rows of layer {@code layer} from random samples' features (the layers below are already programmed). */
    private void fromSamples(int layer, int in, int out, float[] images, int samples, UniformRandomProvider random) {
        Checks.isTrue(images != null && samples > 0, "initialWeightDistribution 'samples' needs the training samples");
        int width = config.layerSizes().get(0);
        int[] order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        PermutationSampler.shuffle(random, order);
        float[] chosen = new float[out * width];
        for (int i = 0; i < out; i++) {
            // Without replacement while there are enough samples.
            System.arraycopy(images, order[i % samples] * width, chosen, i * width, width);
        }
        preprocess(chosen, out);
        float[] rows = chosen;
        for (int l = 0; l < layer; l++) {
            int next = config.layerSizes().get(l + 1);
            float[] s = new float[out * next];
            float[] f = new float[out * next];
            crossbars.get(l).forward(rows, out, s, Phase.TRAINING);
            rules.get(l).currents(rows, s, weights[l], out, s);
            rules.get(l).features(s, weights[l], out, f);
            rows = f;
        }
        float scale = (float) config.initialWeightScale();
        for (int k = 0; k < out * in; k++) {
            weights[layer][k] = scale * rows[k];
        }
    }

    /** The settings. */
    public HebbianConfig config() {
        return config;
    }

    /** The crossbars, input layer first. */
    public List<Crossbar> crossbars() {
        return List.copyOf(crossbars);
    }

    /**
     * The layers as {@link DenseLayer} views of the crossbars (identity activation, zero bias), for code that works
     * on layers, such as {@code EvaluationConfig.atTimesAfterTraining}; do not train through them.
     */
    public List<DenseLayer> layers() {
        return List.copyOf(views);
    }

    /** Features per sample: the last layer's size. */
    public int outputs() {
        return config.outputs();
    }

    /**
     * Trains one epoch on unlabeled samples.
     *
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param samples number of samples, at least 1
     * @param epoch the epoch, from 0, below {@code config.epochs()} (selects the step size and the shuffle stream)
     * @param progress receives one step per mini-batch
     * @return what the epoch did
     * @throws NumericalFailureException if a step is not finite
     */
    public EpochResult trainEpoch(float[] images, int samples, int epoch, Progress progress) {
        return trainEpoch(images, samples, epoch, progress, BatchBoundary.NONE, null);
    }

    /**
     * Trains one epoch on unlabeled samples, from its start or from a checkpoint inside it, handing its place to
     * {@code boundary} after every mini-batch.
     *
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param samples number of samples, at least 1
     * @param epoch the epoch, from 0, below {@code config.epochs()} (selects the step size and the shuffle stream)
     * @param progress receives one step per mini-batch
     * @param boundary may checkpoint after a mini-batch and stop the loop
     * @param resume a checkpoint positioned at this epoch's loop state (written by {@link EpochLoop}), or null to
     *     start the epoch
     * @return what the epoch did
     * @throws NumericalFailureException if a step is not finite
     * @throws TrainingStopped if {@code boundary} asked to stop
     */
    public EpochResult trainEpoch(float[] images, int samples, int epoch, Progress progress, BatchBoundary boundary,
                                  StateReader resume) {
        Checks.positive("samples", samples);
        Checks.notNull("boundary", boundary);
        Checks.inRange("epoch", epoch, 0, Math.max(0, config.epochs() - 1));
        int width = config.layerSizes().get(0);
        Checks.isTrue(images.length >= (long) samples * width,
                "images must hold samples × inputs = %d × %d values, got %d", samples, width, images.length);
        EpochLoop loop = EpochLoop.begin(samples, streams.stream(StreamNames.ALGORITHMS_SHUFFLE, epoch), resume);
        int[] order = loop.order();
        int batch = config.batchSize();
        int batches = (samples + batch - 1) / batch;
        progress.start("epoch " + (epoch + 1) + " (" + config.rule().name().toLowerCase(Locale.ROOT) + ")",
                batches);
        for (int step = loop.batchesDone(); step < batches; step++) {
            int start = step * batch;
            int rows = Math.min(batch, samples - start);
            for (int r = 0; r < rows; r++) {
                System.arraycopy(images, order[start + r] * width, inputs[0], r * width, width);
            }
            preprocess(inputs[0], rows);
            double change = 0;
            long pulses = 0;
            for (int l = 0; l < crossbars.size(); l++) {
                StepOutcome outcome = trainLayer(l, rows, config.stepSize(l, epoch), epoch, step);
                change += outcome.meanSquaredChange();
                pulses += outcome.pulsesFired();
            }
            loop.batchDone(change, pulses);
            progress.step(step + 1, String.format(Locale.ROOT, "mean squared step %.4g",
                    loop.lossSum() / (step + 1)));
            loop.afterBatch(boundary, epoch, batches);
        }
        double seconds = loop.seconds();
        progress.finish(String.format(Locale.ROOT, "epoch %d: mean squared step %.4g, %.1f s", epoch + 1,
                loop.lossSum() / batches, seconds));
        return new EpochResult(epoch, loop.lossSum() / batches, config.schedule().factor(epoch, config.epochs()),
                loop.pulses(), seconds);
    }

    /** Writes the crossbars' states and the preprocessing mean. */
    @Override
    public void saveState(StateWriter out) {
        out.writeInt("layers", crossbars.size());
        for (Crossbar crossbar : crossbars) {
            out.writeState("crossbar", crossbar);
        }
        out.writeBoolean("hasInputMean", inputMean != null);
        if (inputMean != null) {
            out.writeFloats("inputMean", inputMean);
        }
    }

    @Override
    public void restoreState(StateReader in) {
        int count = in.readInt("layers");
        if (count != crossbars.size()) {
            throw new CheckpointException("the checkpoint has " + count + " Hebbian layers, this network "
                    + crossbars.size());
        }
        for (Crossbar crossbar : crossbars) {
            in.readState("crossbar", crossbar);
        }
        boolean hasMean = in.readBoolean("hasInputMean");
        if (hasMean != (inputMean != null)) {
            throw new CheckpointException("the checkpoint's input preprocessing differs from this network's");
        }
        if (inputMean != null) {
            in.readFloats("inputMean", inputMean);
        }
    }

    private record StepOutcome(double meanSquaredChange, long pulsesFired) {
    }

    private StepOutcome trainLayer(int l, int batch, double rate, int epoch, int step) {
        Crossbar crossbar = crossbars.get(l);
        HebbianRule rule = rules.get(l);
        float[] x = inputs[l];
        float[] s = currents[l];
        float[] w = weights[l];
        float[] delta = deltas[l];
        crossbar.forward(x, batch, s, Phase.TRAINING);
        readWeights(crossbar, w, Phase.TRAINING);
        rule.currents(x, s, w, batch, s);
        rule.delta(x, s, w, batch, delta);
        double sum = 0;
        for (float v : delta) {
            sum += (double) v * v;
        }
        double meanSquared = sum / delta.length;
        if (!Double.isFinite(meanSquared)) {
            throw new NumericalFailureException(String.format(Locale.ROOT,
                    "in epoch %d, mini-batch %d: the Hebbian step of layer %d is not a finite number (the chip's "
                            + "outputs or weights are not finite, usually a device or converter setting that "
                            + "divides by zero, or weights that diverged); check the chip's settings or lower the "
                            + "learning rate", epoch + 1, step + 1, l));
        }
        // The next layer's input, from the currents before this layer's update.
        rule.features(s, w, batch, inputs[l + 1]);
        UpdateResult result;
        if (config.deviceUpdate() == DeviceUpdate.DELTA) {
            float scale = (float) rate;
            for (int k = 0; k < delta.length; k++) {
                delta[k] *= scale;
            }
            result = crossbar.applyDelta(delta);
        } else {
            // Crossbar.update does W ← W − η·Σ_b d_b·x_bᵀ, so d = −G' adds η·G'ᵀX.
            float[] coefficients = rule.coefficients();
            int count = batch * rule.outputs();
            for (int k = 0; k < count; k++) {
                coefficients[k] = -coefficients[k];
            }
            result = crossbar.update(x, coefficients, batch, rate);
            float[] q = rule.reconstruction();
            float scale = (float) -rate;
            for (int k = 0; k < delta.length; k++) {
                delta[k] = scale * q[k];
            }
            result = result.plus(crossbar.applyDelta(delta));
        }
        return new StepOutcome(meanSquared, result.pulsesFired());
    }

    /** Reads a layer's weights as the config says. */
    private void readWeights(Crossbar crossbar, float[] out, Phase phase) {
        if (config.weightRead() == WeightRead.IDEAL) {
            crossbar.readWeights(out);
            return;
        }
        int rows = crossbar.rows();
        int columns = crossbar.columns();
        if (identity.length < columns * columns) {
            identity = new float[columns * columns];
            for (int j = 0; j < columns; j++) {
                identity[j * columns + j] = 1f;
            }
        }
        if (readBuffer.length < columns * rows) {
            readBuffer = new float[columns * rows];
        }
        // Row j of the result is W·e_j, column j of W.
        crossbar.forward(identity, columns, readBuffer, phase);
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                out[i * columns + j] = readBuffer[j * rows + i];
            }
        }
    }

    /**
     * Inference: the last layer's features for every sample (each layer's weights read once per call).
     *
     * @param images samples, row-major {@code samples × inputs}; read only
     * @param samples number of samples
     * @param out features, row-major {@code samples × outputs()}; overwritten
     * @param phase the phase the crossbars charge
     */
    public void features(float[] images, int samples, float[] out, Phase phase) {
        List<Integer> sizes = config.layerSizes();
        int layers = crossbars.size();
        for (int l = 0; l < layers; l++) {
            readWeights(crossbars.get(l), weights[l], phase);
        }
        int chunk = Math.min(FEATURE_CHUNK, Math.max(1, samples));
        float[][] buffers = new float[layers + 1][];
        float[][] chunkCurrents = new float[layers][];
        for (int l = 0; l <= layers; l++) {
            buffers[l] = new float[chunk * sizes.get(l)];
        }
        for (int l = 0; l < layers; l++) {
            chunkCurrents[l] = new float[chunk * sizes.get(l + 1)];
        }
        int width = sizes.get(0);
        int outputs = config.outputs();
        for (int start = 0; start < samples; start += chunk) {
            int rows = Math.min(chunk, samples - start);
            System.arraycopy(images, start * width, buffers[0], 0, rows * width);
            preprocess(buffers[0], rows);
            for (int l = 0; l < layers; l++) {
                crossbars.get(l).forward(buffers[l], rows, chunkCurrents[l], phase);
                HebbianRule rule = rules.get(l);
                rule.currents(buffers[l], chunkCurrents[l], weights[l], rows, chunkCurrents[l]);
                rule.features(chunkCurrents[l], weights[l], rows, buffers[l + 1]);
            }
            System.arraycopy(buffers[layers], 0, out, start * outputs, rows * outputs);
        }
    }
}
