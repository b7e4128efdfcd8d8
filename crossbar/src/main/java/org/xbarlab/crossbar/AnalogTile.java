package org.xbarlab.crossbar;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;
import org.xbarlab.core.kernels.Transpose;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.crossbar.energy.ArrayReadActivity;
import org.xbarlab.crossbar.energy.MvmPrecision;
import org.xbarlab.crossbar.energy.PulseActivity;
import org.xbarlab.crossbar.energy.TileCostModel;
import org.xbarlab.crossbar.energy.WritePulse;
import org.xbarlab.crossbar.mapping.MappingScheme;
import org.xbarlab.crossbar.mapping.WeightMapping;
import org.xbarlab.crossbar.parasitics.FastIrDropModel;
import org.xbarlab.crossbar.parasitics.IrDropCircuitConfig;
import org.xbarlab.crossbar.periphery.AnalogPeriphery;
import org.xbarlab.crossbar.periphery.DacConfig;
import org.xbarlab.crossbar.periphery.PeripheryConfig;
import org.xbarlab.crossbar.update.PulseCounter;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.WriteVerifyResult;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.WriteCostConfig;
import org.xbarlab.devices.noise.ReadNoise;

/**
 * One crossbar tile of devices: a weight matrix of {@code rows × columns} held by device populations (a
 * differential pair of arrays, or one array and a reference column), read through its periphery, updated by pulses
 * or by programming, with every operation charged to the cost ledger.
 *
 * <p><b>Products.</b> Each forward or transposed call reads every device once (one read-noise sample per device
 * and call, shared by the samples of the batch: the array is read once per mini-batch), forms the effective weights
 * {@code W = (G⁺ − G⁻)/s} (or {@code (G − G_ref)/s}), and runs the product through the direction's
 * {@link AnalogPeriphery} with one {@link Kernels#gemm} per pass. Without read noise the effective weights are
 * cached until the devices change.
 *
 * <p><b>IR drop.</b> With {@link TileConfig#irDrop()} set, the forward product uses the effective conductances of
 * the wired arrays from the fast one-sweep model of {@code org.xbarlab.crossbar.parasitics} (its error against the
 * exact solve is in {@code docs/ir-drop.md}), and so does the transposed product with the circuit of a transposed
 * read ({@link IrDropCircuitConfig#transposed()}).
 *
 * <p><b>Pulsed update.</b> {@code ΔW = −η·Σ d·xᵀ} becomes signed pulse counts ({@link PulseCounter}) with the
 * nominal weight change of a pulse: on a differential pair a positive count potentiates {@code G⁺} and depresses
 * {@code G⁻} by the same number of pulses ({@code 2·ΔG_step/s} of weight per pulse pair); on the offset scheme the
 * one device moves ({@code ΔG_step/s}). With the balanced pair both devices have room in both directions. With the
 * differential pair of {@link MappingScheme#DIFFERENTIAL_PAIR} the idle device rests at {@code G_min}, so a change
 * that grows {@code |w|} moves only one device (its partner is already at the bottom) while one that shrinks
 * {@code |w|} moves both: the effective step depends on the state, as it would on such a chip. The devices' own response (steps shrinking near bounds, asymmetry,
 * cycle-to-cycle noise, stuck devices) decides what actually happens.
 *
 * <p><b>Costs.</b> Products: {@link TileCostModel#chargeForwardMvm} / {@link TileCostModel#chargeTransposedMvm}
 * with the exact array-read activity of the first pass (bound-management repeats are charged as further
 * conversions and cycles, their array energy as that of the first pass). Lines are physical: a differential pair
 * senses {@code 2·rows} lines in the forward direction and drives {@code 2·rows} lines in the transposed one; the
 * offset scheme adds one reference line. Pulses: {@link TileCostModel#chargePulsedUpdate} per array, with the
 * device's write pulse ({@link WriteCostConfig}). Programming: {@link TileCostModel#chargeProgramming}. A device
 * whose preset gives no write pulse (the ideal device) has no write cost to charge: its pulses are counted in the
 * {@link UpdateResult} but charge nothing ({@link #writeCostKnown()} tells).
 *
 * <p>Random streams, keyed by the caller's tile indices: {@code devices/construction} (device parameters, array
 * 0 and 1), {@code devices/cycle} (pulse and programming noise), {@code crossbar/read-noise}, {@code crossbar/update}
 * (stochastic pulse trains), {@code crossbar/periphery} (converter noise).
 *
 * <p>Not thread-safe.
 */
public final class AnalogTile implements Crossbar {

    /** A DAC bound at or above this is treated as unbounded (the ideal converter's 1e30). */
    private static final double UNBOUNDED = 1e29;

    /** Stream of the periphery's input and output noise. */
    public static final String PERIPHERY_STREAM = "crossbar/periphery";

    private final TileConfig config;
    private final DeviceConfig device;
    private final int rows;
    private final int columns;
    private final int devices;
    private final boolean differential;
    private final WeightMapping mapping;
    private final DevicePopulation primary;
    private final DevicePopulation secondary;
    private final AnalogPeriphery forwardPeriphery;
    private final AnalogPeriphery backwardPeriphery;
    private final PulseCounter pulseCounter;
    private final TileCostModel costs;
    private final CostLedger ledger;
    private final boolean readNoise;
    private final boolean writeCostKnown;
    private final WritePulse potentiationPulse;
    private final WritePulse depressionPulse;
    private final MvmPrecision forwardPrecision;
    private final MvmPrecision backwardPrecision;

    private final UniformRandomProvider cycleStream;
    private final UniformRandomProvider readStream;
    private final UniformRandomProvider updateStream;
    private final UniformRandomProvider peripheryStream;

    private final float[] weights;
    /**
     * {@link #weights} by input line: {@code weightsByInput[j][i]} is weight {@code (i, j)}. The operand of the
     * forward product without read noise or IR drop, for {@link Kernels#gemmByRows}, which adds only the rows of
     * the inputs that are not zero (pixels, dropout and clamped states often are). Valid with {@link #weightsValid}.
     */
    private final float[][] weightsByInput;
    /**
     * {@link #weights} by output line ({@code weightsByOutput[i][j]} is weight {@code (i, j)}), the operand of the
     * transposed product; allocated at the first transposed product (most layers never have one) and then kept like
     * {@link #weightsByInput}.
     */
    private float[][] weightsByOutput;
    private final float[] first;
    private final float[] second;
    private final int[] pulses;
    /** The devices with a non-zero count in {@link #pulses} (dense updates), ascending. */
    private final int[] pulsedCells;
    /** Conductances of the listed cells before their pulses, for the energy model. */
    private final float[] pulsedConductances;
    /**
     * Pulsed updates applied to the cached conductances, weights and line sums cell by cell since they were last
     * loaded in full; after {@link #FULL_RELOAD_INTERVAL} the next read reloads them (bounds the rounding drift of
     * the incremental line sums).
     */
    private int incrementalUpdates;
    private static final int FULL_RELOAD_INTERVAL = 1024;
    private final double[] rowSums;
    private final double[] columnSums;
    private boolean weightsValid;
    private final FastIrDropModel irDrop;
    private final float[] physical;
    private final float[] physicalEffective;
    private final float[] irDropPlus;
    private final float[] irDropMinus;
    private final float[] irDropWeights;
    private boolean irDropWeightsValid;
    private final FastIrDropModel irDropTransposed;
    private final float[] irDropBackward;
    private boolean irDropBackwardValid;
    /** Whether {@link #columnSums} / {@link #rowSums} belong to the conductances now in {@link #first}/{@link #second}. */
    private boolean columnSumsValid;
    private boolean rowSumsValid;
    private final double[] bothRowSums;
    private float[] normalized = new float[0];
    private float[] doubled = new float[0];
    /** The programming activity of one pass over all devices at the window's middle conductance; built once. */
    private PulseActivity programmingPass;
    /** Whether ledger charges are queued in {@link #pendingCharges} (parallel tiles) instead of made at once. */
    private boolean deferCharges;
    private final java.util.ArrayList<Runnable> pendingCharges = new java.util.ArrayList<>();

    /**
     * Builds a tile and its device populations (every device at the bottom of its window: weight 0 on a
     * differential pair). Call {@link #program} to set weights.
     *
     * @param config the tile settings (its size fields are ignored: the tile has exactly {@code rows × columns})
     * @param device the device of every cell
     * @param costs the energy and latency model
     * @param rows weight rows (outputs), at least 1
     * @param columns weight columns (inputs), at least 1
     * @param ledger the ledger every operation charges
     * @param streams the run's random streams
     * @param indices the caller's keys of this tile (for example layer, tile row, tile column)
     */
    public AnalogTile(TileConfig config, DeviceConfig device, TileCostModel costs, int rows, int columns,
                      CostLedger ledger, RngStreams streams, long... indices) {
        this.config = Checks.notNull("config", config);
        this.device = Checks.notNull("device", device);
        this.costs = Checks.notNull("costs", costs);
        this.ledger = Checks.notNull("ledger", ledger);
        this.rows = Checks.positive("rows", rows);
        this.columns = Checks.positive("columns", columns);
        Checks.notNull("streams", streams);
        this.devices = Math.multiplyExact(rows, columns);
        this.differential = config.mapping().scheme() != MappingScheme.OFFSET_COLUMN;
        this.mapping = new WeightMapping(config.mapping(), device.minConductanceSiemens(),
                device.maxConductanceSiemens());
        this.primary = DevicePopulation.create(device, devices, streams, concat(indices, 0));
        this.secondary = DevicePopulation.create(device, differential ? devices : columns, streams,
                concat(indices, 1));
        this.forwardPeriphery = new AnalogPeriphery(config.forward(), columns, rows);
        this.backwardPeriphery = new AnalogPeriphery(config.backward(), rows, columns);
        this.pulseCounter = new PulseCounter(config.pulses(), rows, columns);
        this.readNoise = !ReadNoise.from(device.readNoise(), device.maxConductanceSiemens()).isNone();
        WriteCostConfig writeCost = device.writeCost();
        this.writeCostKnown = writeCost.potentiationPulseSeconds() > 0 && writeCost.depressionPulseSeconds() > 0;
        this.potentiationPulse = writeCostKnown ? new WritePulse(Math.abs(writeCost.potentiationPulseVolts()),
                writeCost.potentiationPulseSeconds(), writeCost.potentiationPulseEnergyJoules()) : null;
        this.depressionPulse = writeCostKnown ? new WritePulse(Math.abs(writeCost.depressionPulseVolts()),
                writeCost.depressionPulseSeconds(), writeCost.depressionPulseEnergyJoules()) : null;
        this.forwardPrecision = precision(config.forward());
        this.backwardPrecision = precision(config.backward());
        this.cycleStream = streams.stream(StreamNames.DEVICES_CYCLE, indices);
        this.readStream = streams.stream(StreamNames.CROSSBAR_READ_NOISE, indices);
        this.updateStream = streams.stream(StreamNames.CROSSBAR_UPDATE, indices);
        this.peripheryStream = streams.stream(PERIPHERY_STREAM, indices);
        this.weights = new float[devices];
        this.weightsByInput = new float[columns][rows];
        IrDropCircuitConfig circuit = config.irDrop();
        this.irDrop = circuit == null ? null : new FastIrDropModel(circuit, 1);
        int irDropSize = circuit == null ? 0 : devices;
        this.physical = new float[irDropSize];
        this.physicalEffective = new float[irDropSize];
        this.irDropPlus = new float[irDropSize];
        this.irDropMinus = new float[irDropSize];
        this.irDropWeights = new float[irDropSize];
        this.irDropTransposed = circuit == null ? null : new FastIrDropModel(circuit.transposed(), 1);
        this.irDropBackward = new float[irDropSize];
        this.first = new float[devices];
        this.second = new float[devices];
        this.pulses = new int[devices];
        this.pulsedCells = new int[devices];
        this.pulsedConductances = new float[devices];
        this.rowSums = new double[rows];
        this.columnSums = new double[columns];
        this.bothRowSums = differential ? new double[2 * rows] : null;
        if (!differential) {
            // The reference column sits at the middle of the window.
            float[] reference = new float[columns];
            Arrays.fill(reference, (float) mapping.referenceConductanceSiemens());
            secondary.program(reference, 0, 0, columns, cycleStream);
        }
    }

    private static long[] concat(long[] indices, long last) {
        long[] all = Arrays.copyOf(indices, indices.length + 1);
        all[indices.length] = last;
        return all;
    }

    private static MvmPrecision precision(PeripheryConfig periphery) {
        DacConfig dac = periphery.dac();
        int adcBits = periphery.adc().resolutionBits();
        return dac.bitSerial() ? MvmPrecision.bitSerial(dac.resolutionBits() - 1, adcBits)
                : MvmPrecision.parallel(dac.resolutionBits(), adcBits);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    /** The device populations: the {@code G⁺} (or only) array, then {@code G⁻} (or the reference column). */
    public DevicePopulation[] populations() {
        return new DevicePopulation[] {primary, secondary};
    }

    /** Whether the device gives a write pulse, so that writes are charged. */
    public boolean writeCostKnown() {
        return writeCostKnown;
    }

    /** The weight-to-conductance mapping. */
    public WeightMapping mapping() {
        return mapping;
    }

    /** Fills {@link #weights} with the effective weights, reading the devices with read noise when they have it. */
    private void loadWeights(boolean noisy) {
        if (!noisy && weightsValid) {
            return;
        }
        if (noisy) {
            primary.read(0, devices, first, 0, readStream);
            secondary.read(0, differential ? devices : columns, second, 0, readStream);
        } else {
            primary.conductances(0, devices, first, 0);
            secondary.conductances(0, differential ? devices : columns, second, 0);
        }
        if (differential) {
            mapping.differentialWeights(first, second, devices, weights);
        } else {
            mapping.offsetWeights(first, second, rows, columns, weights);
        }
        weightsValid = !noisy;
        if (weightsValid) {
            copyWeightRows();
        }
        incrementalUpdates = 0;
        columnSumsValid = false;
        rowSumsValid = false;
        irDropWeightsValid = false;
        irDropBackwardValid = false;
    }

    /** Copies {@link #weights} into the row copies that the products use. */
    private void copyWeightRows() {
        if (irDrop == null) {
            WeightRows.byInput(weights, rows, columns, weightsByInput);
        }
        if (weightsByOutput != null && irDropTransposed == null) {
            WeightRows.byOutput(weights, rows, columns, weightsByOutput);
        }
    }

    /**
     * The weights the forward product sees through the wires: with IR drop on, each physical array (input lines =
     * weight columns, sensed lines = weight rows) is replaced by the fast model's effective conductances
     * ({@link FastIrDropModel#effectiveConductances}, one sweep), recomputed whenever the conductances are reloaded;
     * otherwise {@link #weights}. The offset scheme's reference column is taken as ideal wire.
     */
    private float[] forwardWeights() {
        if (irDrop == null) {
            return weights;
        }
        if (!irDropWeightsValid) {
            effective(first, irDropPlus);
            if (differential) {
                effective(second, irDropMinus);
                mapping.differentialWeights(irDropPlus, irDropMinus, devices, irDropWeights);
            } else {
                mapping.offsetWeights(irDropPlus, second, rows, columns, irDropWeights);
            }
            irDropWeightsValid = true;
        }
        return irDropWeights;
    }

    /**
     * The weights the transposed product sees through the wires: the transposed read drives the weight rows and
     * senses the weight columns, which {@link IrDropCircuitConfig#transposed()} describes for the conductance matrix
     * {@code G'(p, q) = G(rows−1−p, columns−1−q)} in weight layout; recomputed whenever the conductances are reloaded.
     */
    private float[] backwardWeights() {
        if (irDropTransposed == null) {
            return weights;
        }
        if (!irDropBackwardValid) {
            effectiveTransposed(first, irDropPlus);
            if (differential) {
                effectiveTransposed(second, irDropMinus);
                mapping.differentialWeights(irDropPlus, irDropMinus, devices, irDropBackward);
            } else {
                mapping.offsetWeights(irDropPlus, second, rows, columns, irDropBackward);
            }
            irDropBackwardValid = true;
        }
        return irDropBackward;
    }

    private void effectiveTransposed(float[] conductances, float[] out) {
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < columns; q++) {
                physical[p * columns + q] = conductances[(rows - 1 - p) * columns + (columns - 1 - q)];
            }
        }
        irDropTransposed.effectiveConductances(physical, rows, columns, physicalEffective);
        for (int p = 0; p < rows; p++) {
            for (int q = 0; q < columns; q++) {
                out[(rows - 1 - p) * columns + (columns - 1 - q)] = physicalEffective[p * columns + q];
            }
        }
    }

    /** Effective conductances of one array in weight layout ({@code rows × columns}), through the physical layout. */
    private void effective(float[] conductances, float[] out) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                physical[j * rows + i] = conductances[i * columns + j];
            }
        }
        irDrop.effectiveConductances(physical, columns, rows, physicalEffective);
        for (int j = 0; j < columns; j++) {
            for (int i = 0; i < rows; i++) {
                out[i * columns + j] = physicalEffective[j * rows + i];
            }
        }
    }

    /**
     * Queues ledger charges instead of making them (or makes them at once again), so that tiles can compute in
     * parallel and charge afterwards in a fixed order with {@link #flushCharges()}.
     */
    void deferCharges(boolean defer) {
        deferCharges = defer;
    }

    /** Makes the queued ledger charges, in the order they were queued. */
    void flushCharges() {
        for (Runnable charge : pendingCharges) {
            charge.run();
        }
        pendingCharges.clear();
    }

    private void charge(Runnable charge) {
        if (deferCharges) {
            pendingCharges.add(charge);
        } else {
            charge.run();
        }
    }

    /**
     * What the tiles that see the same input batch share of a product: the periphery's noise management and DAC
     * conversion and the energy model's line drives ({@link #prepareForward}, {@link #prepareBackward}). Equal for
     * all tiles with equal {@link TileConfig} and input width, so a tiled crossbar computes it once per tile column
     * (forward) or tile row (transposed) instead of once per tile.
     */
    static final class PreparedInputs {
        final AnalogPeriphery.Inputs periphery = new AnalogPeriphery.Inputs();
        final ArrayReadActivity.Drive drive = new ArrayReadActivity.Drive();
    }

    private final PreparedInputs ownInputs = new PreparedInputs();

    /** Whether this tile's products can use inputs that {@code other} prepared (and the other way round). */
    boolean sharesInputsWith(AnalogTile other) {
        return config.equals(other.config) && differential == other.differential;
    }

    @Override
    public void forward(float[] x, int batch, float[] y, Phase phase) {
        forward(prepareForward(x, batch, ownInputs), y, phase);
    }

    /**
     * Prepares a forward product's inputs for this tile and every tile with an equal {@link TileConfig} and the same
     * number of columns. Changes nothing in the tile but its normalisation buffer; safe to run on several tiles at
     * once.
     *
     * @throws org.xbarlab.core.NumericalFailureException if an input is not finite
     */
    PreparedInputs prepareForward(float[] x, int batch, PreparedInputs into) {
        Checks.positive("batch", batch);
        float[] normalizedInputs = normalize(x, batch, columns, config.forward());
        forwardPeriphery.prepare(x, batch, into.periphery);
        ArrayReadActivity.drive(normalizedInputs, batch, columns, 1.0, forwardPrecision, into.drive);
        return into;
    }

    /** The forward product of prepared inputs ({@link #prepareForward}). */
    void forward(PreparedInputs in, float[] y, Phase phase) {
        loadWeights(readNoise);
        float[] seen = forwardWeights();
        AnalogPeriphery.AnalogProduct product = seen == weights && weightsValid
                ? (xq, n, out) -> Kernels.gemmByRows(n, rows, columns, xq, 0, columns, weightsByInput, out, 0, rows)
                : (xq, n, out) -> Kernels.gemm(Transpose.NO, Transpose.YES, n, rows, columns, 1f, xq, 0, columns,
                        seen, 0, columns, 0f, out, 0, rows);
        AnalogPeriphery.Passes passes = forwardPeriphery.apply(in.periphery, y, product, peripheryStream);
        // Activity over the input lines (the columns): each line's cells are G⁺ and G⁻ of its column. The sums
        // are kept until the conductances in first/second are reloaded.
        if (!columnSumsValid) {
            ArrayReadActivity.columnSums(first, rows, columns, columnSums);
            if (differential) {
                addColumnSums(second, columnSums);
            } else {
                for (int j = 0; j < columns; j++) {
                    columnSums[j] += second[j];
                }
            }
            columnSumsValid = true;
        }
        ArrayReadActivity activity = ArrayReadActivity.of(in.drive, columnSums);
        int sensed = differential ? 2 * rows : rows + 1;
        long analogPasses = passes.analogPasses();
        charge(() -> costs.chargeForwardMvm(ledger, phase, analogPasses, sensed, columns, forwardPrecision,
                activity));
    }

    @Override
    public void backward(float[] d, int batch, float[] z, Phase phase) {
        backward(prepareBackward(d, batch, ownInputs), z, phase);
    }

    /**
     * Prepares a transposed product's inputs for this tile and every tile with an equal {@link TileConfig} and the
     * same number of rows; see {@link #prepareForward}.
     *
     * @throws org.xbarlab.core.NumericalFailureException if an input is not finite
     */
    PreparedInputs prepareBackward(float[] d, int batch, PreparedInputs into) {
        Checks.positive("batch", batch);
        // Activity over the driven lines (the rows): G⁺ and G⁻ lines of each row, each driven by ±d_i.
        float[] inputs = normalize(d, batch, rows, config.backward());
        int driven = rows;
        if (differential) {
            driven = 2 * rows;
            if (doubled.length != batch * driven) {
                doubled = new float[batch * driven];
            }
            for (int b = 0; b < batch; b++) {
                System.arraycopy(inputs, b * rows, doubled, b * driven, rows);
                System.arraycopy(inputs, b * rows, doubled, b * driven + rows, rows);
            }
            inputs = doubled;
        }
        backwardPeriphery.prepare(d, batch, into.periphery);
        ArrayReadActivity.drive(inputs, batch, driven, 1.0, backwardPrecision, into.drive);
        return into;
    }

    /** The transposed product of prepared inputs ({@link #prepareBackward}). */
    void backward(PreparedInputs in, float[] z, Phase phase) {
        loadWeights(readNoise);
        float[] seen = backwardWeights();
        if (weightsByOutput == null && seen == weights && weightsValid) {
            weightsByOutput = new float[rows][columns];
            copyWeightRows();
        }
        AnalogPeriphery.AnalogProduct product = seen == weights && weightsValid
                ? (dq, n, out) -> Kernels.gemmByRows(n, columns, rows, dq, 0, rows, weightsByOutput, out, 0, columns)
                : (dq, n, out) -> Kernels.gemm(Transpose.NO, Transpose.NO, n, columns, rows, 1f, dq, 0, rows,
                        seen, 0, columns, 0f, out, 0, columns);
        AnalogPeriphery.Passes passes = backwardPeriphery.apply(in.periphery, z, product, peripheryStream);
        // Activity over the driven lines (the rows): G⁺ and G⁻ lines of each row, each driven by ±d_i. The sums
        // are kept until the conductances in first/second are reloaded.
        if (!rowSumsValid) {
            ArrayReadActivity.rowSums(first, rows, columns, rowSums);
            if (differential) {
                System.arraycopy(rowSums, 0, bothRowSums, 0, rows);
                ArrayReadActivity.rowSums(second, rows, columns, rowSums);
                System.arraycopy(rowSums, 0, bothRowSums, rows, rows);
            }
            rowSumsValid = true;
        }
        ArrayReadActivity activity = ArrayReadActivity.of(in.drive, differential ? bothRowSums : rowSums);
        int drivenLines = differential ? 2 * rows : rows;
        long analogPasses = passes.analogPasses();
        charge(() -> costs.chargeTransposedMvm(ledger, phase, analogPasses, drivenLines, columns, backwardPrecision,
                activity));
    }

    private org.xbarlab.core.NumericalFailureException nonFiniteInput(float[] x, int base, int width) {
        int j = 0;
        while (j < width && Float.isFinite(x[base + j])) {
            j++;
        }
        return new org.xbarlab.core.NumericalFailureException("input " + j + " of a " + rows + " × " + columns
                + " tile's product is " + (j < width ? x[base + j] : Float.NaN) + ": the network's states are not "
                + "finite numbers (the training diverged; lower the learning rates)");
    }

    /**
     * Inputs as the DAC sees them, as fractions of its full scale (the line drive {@code u = |x|/full scale} of the
     * energy model): divided by each sample's noise-management scale when abs-max noise management is on, else by
     * the DAC's input bound, or, for an unbounded ideal DAC, by the largest input magnitude of the batch.
     */
    private float[] normalize(float[] x, int batch, int width, PeripheryConfig periphery) {
        int count = batch * width;
        if (normalized.length != count) {
            normalized = new float[count];
        }
        boolean absMax = periphery.noiseManagement()
                == org.xbarlab.crossbar.periphery.NoiseManagement.ABS_MAX;
        double bound = periphery.dac().inputBound();
        float batchScale = 1f;
        if (!absMax) {
            if (bound < UNBOUNDED) {
                batchScale = (float) (1.0 / bound);
            } else {
                float largest = 0f;
                for (int k = 0; k < count; k++) {
                    largest = Math.max(largest, Math.abs(x[k]));
                }
                batchScale = largest > 0f ? 1f / largest : 0f;
            }
        }
        for (int b = 0; b < batch; b++) {
            int base = b * width;
            float scale = batchScale;
            float largest = 0f;
            for (int j = 0; j < width; j++) {
                largest = Math.max(largest, Math.abs(x[base + j]));
            }
            if (!Float.isFinite(largest)) {
                throw nonFiniteInput(x, base, width);
            }
            if (absMax) {
                scale = largest > 0f ? 1f / largest : 0f;
            }
            for (int j = 0; j < width; j++) {
                // The values of Math.max(-1, Math.min(1, v)), NaN and −0 included, without its branches.
                float v = x[base + j] * scale;
                normalized[base + j] = v < -1f ? -1f : (v > 1f ? 1f : v);
            }
        }
        return normalized;
    }

    private void addColumnSums(float[] g, double[] sums) {
        for (int i = 0; i < rows; i++) {
            int base = i * columns;
            for (int j = 0; j < columns; j++) {
                sums[j] += g[base + j];
            }
        }
    }

    @Override
    public UpdateResult update(float[] x, float[] d, int batch, double learningRate) {
        Checks.positive("batch", batch);
        Checks.nonNegativeFinite("learningRate", learningRate);
        if (config.updateMethod() == UpdateMethod.PROGRAMMING) {
            loadWeights(false);
            System.arraycopy(weights, 0, first, 0, devices);
            Kernels.gemm(Transpose.YES, Transpose.NO, rows, columns, batch, (float) -learningRate, d, 0, rows,
                    x, 0, columns, 1f, first, 0, columns);
            ProgrammingResult result = programWeights(first, Phase.TRAINING);
            return new UpdateResult(result.pulses(), result.pulses(), result.weightsClipped());
        }
        double weightPerPulse = (differential ? 2 : 1) * device.nominalStepSiemens() / mapping.siemensPerWeight();
        long fired = pulseCounter.count(x, d, batch, learningRate, weightPerPulse, updateStream);
        return applyPulseCounts(pulseCounter.counts(), pulseCounter.touched(), pulseCounter.touchedCount(), fired);
    }

    /**
     * Applies signed pulse counts (positive raises the weight) to the listed devices and charges the writes. Only
     * the listed cells are visited: reading their conductances for the energy model, pulsing them, and bringing
     * the cached weights and line sums up to date.
     *
     * @param counts signed count per device, row-major; read only
     * @param cells the devices with a non-zero count, ascending; read only
     * @param cellCount entries of {@code cells} used
     * @param fired the pulses the drivers fired, for the stochastic scheme
     */
    private UpdateResult applyPulseCounts(int[] counts, int[] cells, int cellCount, long fired) {
        // The pulse activity is only needed to charge the writes: a device without a write pulse skips it.
        if (writeCostKnown) {
            primary.conductancesAt(cells, cellCount, pulsedConductances);
            PulseActivity activity = costs.pulseActivity(rows, columns, counts, cells, cellCount, false,
                    pulsedConductances);
            charge(() -> costs.chargePulsedUpdate(ledger, Phase.TRAINING, rows, columns, potentiationPulse,
                    depressionPulse, activity));
        }
        long applied = primary.applyPulses(counts, cells, cellCount, false, cycleStream);
        if (differential) {
            if (writeCostKnown) {
                secondary.conductancesAt(cells, cellCount, pulsedConductances);
                PulseActivity secondActivity = costs.pulseActivity(rows, columns, counts, cells, cellCount, true,
                        pulsedConductances);
                charge(() -> costs.chargePulsedUpdate(ledger, Phase.TRAINING, rows, columns, potentiationPulse,
                        depressionPulse, secondActivity));
            }
            applied += secondary.applyPulses(counts, cells, cellCount, true, cycleStream);
        }
        refreshPulsedCells(cells, cellCount);
        long firedTotal = config.pulses().scheme() == org.xbarlab.crossbar.update.PulseScheme.DETERMINISTIC
                ? applied : fired * (differential ? 2 : 1);
        return new UpdateResult(applied, firedTotal, 0);
    }

    /**
     * Brings the cached noise-free conductances, weights and line sums up to date after the listed cells were
     * pulsed, cell by cell, when they are valid and no IR-drop model depends on the whole array; otherwise marks
     * them for a full reload. The weights are recomputed with the same expression as a full reload, so they are
     * bit-identical to it; the line sums (energy model only) are moved by the conductance changes.
     */
    private void refreshPulsedCells(int[] cells, int cellCount) {
        if (!weightsValid || irDrop != null || irDropTransposed != null
                || incrementalUpdates >= FULL_RELOAD_INTERVAL) {
            weightsValid = false;
            columnSumsValid = false;
            rowSumsValid = false;
            return;
        }
        incrementalUpdates++;
        float inverse = mapping.inverseSiemensPerWeight();
        int i = 0;
        int rowStart = 0;
        for (int t = 0; t < cellCount; t++) {
            int k = cells[t];
            // ascending cells: move the row forward instead of dividing
            while (k >= rowStart + columns) {
                i++;
                rowStart += columns;
            }
            int j = k - rowStart;
            float plus = primary.conductanceSiemens(k);
            double change = (double) plus - first[k];
            first[k] = plus;
            if (differential) {
                float minus = secondary.conductanceSiemens(k);
                double minusChange = (double) minus - second[k];
                second[k] = minus;
                weights[k] = (plus - minus) * inverse;
                if (rowSumsValid) {
                    bothRowSums[i] += change;
                    bothRowSums[rows + i] += minusChange;
                }
                change += minusChange;
            } else {
                weights[k] = (plus - second[j]) * inverse;
                if (rowSumsValid) {
                    rowSums[i] += change;
                }
            }
            weightsByInput[j][i] = weights[k];
            if (weightsByOutput != null) {
                weightsByOutput[i][j] = weights[k];
            }
            if (columnSumsValid) {
                columnSums[j] += change;
            }
        }
    }

    @Override
    public UpdateResult applyDelta(float[] delta) {
        Checks.isTrue(delta.length >= devices, "delta must hold rows × columns = %d values, got %d", devices,
                delta.length);
        if (config.updateMethod() == UpdateMethod.PROGRAMMING) {
            loadWeights(false);
            for (int k = 0; k < devices; k++) {
                first[k] = weights[k] + delta[k];
            }
            ProgrammingResult result = programWeights(first, Phase.TRAINING);
            return new UpdateResult(result.pulses(), result.pulses(), result.weightsClipped());
        }
        double pulsesPerWeight = mapping.siemensPerWeight() / ((differential ? 2 : 1) * device.nominalStepSiemens());
        boolean stochastic = config.pulses().scheme() == org.xbarlab.crossbar.update.PulseScheme.STOCHASTIC;
        int cap = config.pulses().maxPulsesPerUpdate();
        long fired = 0;
        int listed = 0;
        for (int k = 0; k < devices; k++) {
            double wanted = delta[k] * pulsesPerWeight;
            double whole = stochastic ? Math.floor(wanted + updateStream.nextDouble())
                    : Math.signum(wanted) * Math.floor(Math.abs(wanted) + 0.5);
            int count = (int) Math.max(-cap, Math.min(cap, whole));
            pulses[k] = count;
            if (count != 0) {
                pulsedCells[listed++] = k;
                fired += Math.abs(count);
            }
        }
        return applyPulseCounts(pulses, pulsedCells, listed, fired);
    }

    @Override
    public ProgrammingResult program(float[] target) {
        return programWeights(target, Phase.PROGRAMMING);
    }

    private ProgrammingResult programWeights(float[] target, Phase phase) {
        for (int k = 0; k < devices; k++) {
            if (!Float.isFinite(target[k])) {
                throw new org.xbarlab.core.NumericalFailureException("weight (" + k / columns + ", " + k % columns
                        + ") of a " + rows + " × " + columns + " tile is " + target[k] + " where it is to be "
                        + "programmed: the training diverged (lower the learning rates)");
            }
        }
        long clipped = mapping.toConductances(target, devices, first, differential ? second : null);
        long writes = 0;
        long iterations = 0;
        long unconverged = 0;
        long verifyReads = 0;
        boolean verify = config.programming() == ProgrammingMethod.WRITE_VERIFY;
        DevicePopulation[] arrays = differential ? new DevicePopulation[] {primary, secondary}
                : new DevicePopulation[] {primary};
        float[][] targets = {first, second};
        for (int a = 0; a < arrays.length; a++) {
            if (verify) {
                WriteVerifyResult result = arrays[a].writeVerify(targets[a], 0, 0, devices, cycleStream);
                writes += result.writesCount();
                verifyReads += result.verifyReadsCount();
                iterations = Math.max(iterations, result.maxIterationsCount());
                unconverged += result.unconvergedCount();
            } else {
                writes += arrays[a].program(targets[a], 0, 0, devices, cycleStream);
            }
        }
        // One programming pulse per write. The presets give one energy per polarity; programming is charged with the
        // potentiation pulse at the window's middle conductance, scheduled like one pulse per device per pass
        // (row by row or row-parallel, as the technology says), scaled by the writes of all passes.
        double meanConductance = 0.5 * (device.minConductanceSiemens() + device.maxConductanceSiemens());
        if (programmingPass == null) {
            int[] ones = new int[devices];
            Arrays.fill(ones, 1);
            programmingPass = costs.pulseActivity(rows, columns, ones, meanConductance);
        }
        PulseActivity onePass = programmingPass;
        double passes = (double) writes / devices;
        PulseActivity activity = new PulseActivity(writes, onePass.potentiationConductanceSumSiemens() * passes,
                Math.round(onePass.potentiationSlotCount() * passes), 0, 0, 0,
                Math.round(onePass.writeStepCount() * passes));
        // The devices count verify reads per device; the energy model charges single-row reads of all columns.
        long rowReads = (verifyReads + columns - 1) / columns;
        if (writeCostKnown) {
            charge(() -> costs.chargeProgramming(ledger, phase, rows, columns, potentiationPulse, depressionPulse,
                    activity, rowReads, meanConductance, config.forward().adc().resolutionBits()));
        }
        weightsValid = false;
        columnSumsValid = false;
        rowSumsValid = false;
        return new ProgrammingResult(devices, clipped, iterations, writes, unconverged);
    }

    @Override
    public void readWeights(float[] out) {
        loadWeights(false);
        System.arraycopy(weights, 0, out, 0, devices);
    }

    @Override
    public void advanceTime(double seconds) {
        Checks.nonNegativeFinite("advanceTimeSeconds", seconds);
        primary.advanceTime(seconds, cycleStream);
        secondary.advanceTime(seconds, cycleStream);
        weightsValid = false;
        columnSumsValid = false;
        rowSumsValid = false;
    }

    @Override
    public CostLedger ledger() {
        return ledger;
    }

    /**
     * Writes the tile's devices, the positions of its four random streams and its caches (conductances, weights,
     * line sums: the incremental ones cannot be recomputed bit for bit, so they are written). The IR-drop caches are
     * recomputed from the conductances after a restore.
     */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeState("primary", primary);
        out.writeState("secondary", secondary);
        out.writeRandom("cycleStream", cycleStream);
        out.writeRandom("readStream", readStream);
        out.writeRandom("updateStream", updateStream);
        out.writeRandom("peripheryStream", peripheryStream);
        out.writeFloats("weights", weights);
        out.writeFloats("weightsByInput", flatten(weightsByInput));
        out.writeFloats("first", first);
        out.writeFloats("second", second);
        out.writeDoubles("rowSums", rowSums);
        out.writeDoubles("columnSums", columnSums);
        out.writeDoubles("bothRowSums", bothRowSums);
        out.writeBoolean("weightsValid", weightsValid);
        out.writeBoolean("columnSumsValid", columnSumsValid);
        out.writeBoolean("rowSumsValid", rowSumsValid);
        out.writeInt("incrementalUpdates", incrementalUpdates);
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        in.readState("primary", primary);
        in.readState("secondary", secondary);
        in.readRandom("cycleStream", cycleStream);
        in.readRandom("readStream", readStream);
        in.readRandom("updateStream", updateStream);
        in.readRandom("peripheryStream", peripheryStream);
        in.readFloats("weights", weights);
        float[] byInput = new float[devices];
        in.readFloats("weightsByInput", byInput);
        for (int j = 0; j < columns; j++) {
            System.arraycopy(byInput, j * rows, weightsByInput[j], 0, rows);
        }
        in.readFloats("first", first);
        in.readFloats("second", second);
        in.readDoubles("rowSums", rowSums);
        in.readDoubles("columnSums", columnSums);
        in.readDoubles("bothRowSums", bothRowSums);
        weightsValid = in.readBoolean("weightsValid");
        columnSumsValid = in.readBoolean("columnSumsValid");
        rowSumsValid = in.readBoolean("rowSumsValid");
        incrementalUpdates = in.readInt("incrementalUpdates");
        irDropWeightsValid = false;
        irDropBackwardValid = false;
        weightsByOutput = null;
    }

    private static float[] flatten(float[][] rowsOf) {
        int length = rowsOf.length == 0 ? 0 : rowsOf[0].length;
        float[] flat = new float[rowsOf.length * length];
        for (int r = 0; r < rowsOf.length; r++) {
            System.arraycopy(rowsOf[r], 0, flat, r * length, length);
        }
        return flat;
    }
}
