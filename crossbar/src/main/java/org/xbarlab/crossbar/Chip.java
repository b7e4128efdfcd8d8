package org.xbarlab.crossbar;

import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.energy.TileCostModel;
import org.xbarlab.devices.config.DeviceConfig;

/**
 * A simulated chip: builds the crossbars of a network from a {@link ChipConfig}, all charging one cost ledger.
 * Each weight matrix becomes a {@link TiledCrossbar} of {@link AnalogTile}s (inside a {@link ScaledCrossbar} when the
 * mapping scales weights to the conductance range); its tiles are keyed
 * {@code (matrix, tile row, tile column)} in the random streams, so adding a matrix never changes another's devices.
 *
 * <p>Not thread-safe.
 */
public final class Chip {

    private final ChipConfig config;
    private final DeviceConfig device;
    private final TileCostModel costs;
    private final CostLedger ledger = new CostLedger();
    private final RngStreams streams;
    private long devices;
    private final java.util.List<AnalogTile> tiles = new java.util.ArrayList<>();

    /**
     * @param config the hardware
     * @param streams the run's random streams
     */
    public Chip(ChipConfig config, RngStreams streams) {
        this.config = Checks.notNull("config", config);
        this.streams = Checks.notNull("streams", streams);
        this.device = config.resolvedDevice();
        this.costs = TileCostModel.from(config.technology());
    }

    /** The hardware settings. */
    public ChipConfig config() {
        return config;
    }

    /** The ledger every crossbar of this chip charges. */
    public CostLedger ledger() {
        return ledger;
    }

    /** Devices built so far (both devices of a pair, reference columns included). */
    public long deviceCount() {
        return devices;
    }

    /**
     * Builds the crossbar of one weight matrix.
     *
     * @param matrix index of the matrix (for example the layer), at least 0
     * @param rows outputs, at least 1
     * @param columns inputs, at least 1
     * @return the crossbar, split over tiles of at most {@code tileRows × tileColumns}
     */
    public Crossbar crossbar(int matrix, int rows, int columns) {
        Checks.nonNegative("matrix", matrix);
        TileConfig configured = config.tile();
        boolean scaled = configured.mapping().scalesWeights();
        // A scaled matrix holds normalized weights: the tiles map the range [-1, 1].
        TileConfig tile = scaled ? configured.withMapping(configured.mapping().withMaxWeight(1.0)) : configured;
        boolean pair = tile.mapping().scheme() != org.xbarlab.crossbar.mapping.MappingScheme.OFFSET_COLUMN;
        Crossbar tiled = new TiledCrossbar(rows, columns, tile.tileRows(), tile.tileColumns(),
                (tileRow, tileColumn, height, width, tileLedger) -> {
                    devices += pair ? 2L * height * width : (long) height * width + width;
                    AnalogTile analog = new AnalogTile(tile, device, costs, height, width, tileLedger, streams,
                            matrix, tileRow, tileColumn);
                    tiles.add(analog);
                    return analog;
                }, ledger, (batch, outputs, tiles, phase) -> costs.chargePartialSumAccumulation(ledger, phase,
                        batch, outputs, tiles));
        return scaled ? new ScaledCrossbar(tiled, configured.mapping().weightScalingHeadroom()) : tiled;
    }

    /**
     * A histogram of the conductance of every device of the chip now (both devices of a pair, reference columns
     * included), without read noise: what a designer looks at after training to see how the window is used.
     * The bins span the device's nominal window, widened to the extreme conductances when variation puts a device
     * outside it.
     *
     * @param bins number of bins, 1 to 10 000
     * @return the histogram
     */
    public ConductanceHistogram conductanceHistogram(int bins) {
        Checks.inRange("bins", bins, 1, 10_000);
        double low = device.minConductanceSiemens();
        double high = device.maxConductanceSiemens();
        float[] buffer = new float[0];
        for (AnalogTile tile : tiles) {
            for (org.xbarlab.devices.DevicePopulation population : tile.populations()) {
                int size = population.size();
                if (buffer.length < size) {
                    buffer = new float[size];
                }
                population.conductances(0, size, buffer, 0);
                for (int k = 0; k < size; k++) {
                    low = Math.min(low, buffer[k]);
                    high = Math.max(high, buffer[k]);
                }
            }
        }
        if (!(high > low)) {
            high = low + Math.max(Math.abs(low) * 1e-6, 1e-15);
        }
        long[] counts = new long[bins];
        double scale = bins / (high - low);
        for (AnalogTile tile : tiles) {
            for (org.xbarlab.devices.DevicePopulation population : tile.populations()) {
                int size = population.size();
                population.conductances(0, size, buffer, 0);
                for (int k = 0; k < size; k++) {
                    int bin = (int) ((buffer[k] - low) * scale);
                    counts[Math.max(0, Math.min(bins - 1, bin))]++;
                }
            }
        }
        return new ConductanceHistogram(low, high, counts);
    }
}
