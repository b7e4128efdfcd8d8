package org.xbarlab.crossbar;

import java.util.List;

import org.xbarlab.core.Checks;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;
import org.xbarlab.core.kernels.Kernels;

/**
 * A weight matrix larger than one array, split into a grid of tiles of at most {@code tileRows × tileColumns}
 * (for example 256 × 256). Inputs are cut by column block and sent to every tile of that block; the partial output
 * sums of the tiles of one row block are accumulated digitally (and the transposed product likewise). Every tile
 * charges the shared ledger; the digital accumulation is charged through the {@link Accumulation} callback.
 *
 * <p><b>Parallel tiles.</b> When every tile is an {@link AnalogTile}, the tiles of a forward, transposed or update
 * call run on up to {@link Kernels#threads()} threads ({@link TileRunner}). Each tile owns its devices, periphery,
 * random streams and buffers, so its work does not depend on the thread that runs it; the tiles queue their ledger
 * charges, and the partial sums and the charges are added as the tiles finish, in the same order as a sequential
 * run ({@link #runInOrder}). Results and costs are therefore bit-identical for every thread count.
 *
 * <p>Not thread-safe.
 */
public final class TiledCrossbar implements Crossbar {

    /** Builds the tile at grid position ({@code tileRow}, {@code tileColumn}) of size {@code rows × columns}. */
    @FunctionalInterface
    public interface TileFactory {
        /**
         * @param tileRow row index of the tile in the grid
         * @param tileColumn column index of the tile in the grid
         * @param rows rows of the tile
         * @param columns columns of the tile
         * @param ledger the ledger the tile must charge
         * @return the tile
         */
        Crossbar create(int tileRow, int tileColumn, int rows, int columns, CostLedger ledger);
    }

    /** Charges the digital accumulation of partial sums. */
    @FunctionalInterface
    public interface Accumulation {
        /**
         * @param batch samples
         * @param outputs outputs accumulated per sample
         * @param tiles tiles whose partial sums are added for each output
         * @param phase the phase of the operation
         */
        void charge(long batch, int outputs, int tiles, Phase phase);
    }

    private final int rows;
    private final int columns;
    private final int tileRows;
    private final int tileColumns;
    private final int gridRows;
    private final int gridColumns;
    private final Crossbar[] tiles;
    private final CostLedger ledger;
    private final Accumulation accumulation;
    private float[] inputBlock = new float[0];
    /** One tile's block of a dense update, allocated at the first {@link #applyDelta}. */
    private float[] matrixBlock;
    private float[] secondBlock = new float[0];
    private float[] outputBlock = new float[0];
    /** The tiles as analog tiles, when all of them are (parallel path), else null. */
    private final AnalogTile[] analogTiles;
    /** Parallel path: one input block per tile column (x) and per tile row (d), one output block per tile. */
    private float[][] columnBlocks = new float[0][];
    private float[][] rowBlocks = new float[0][];
    private float[][] tileOutputs = new float[0][];
    private final UpdateResult[] tileResults;
    private int parallelBatch;
    /** {@link #runInOrder}'s bookkeeping: which tiles' sums and charges are in, and the next of each. */
    private final boolean[] partialSumAdded;
    private final boolean[] charged;
    private final int[] nextPart;
    private final Object[] blockLocks;
    private int nextCharge;
    private final Object chargeLock = new Object();
    /**
     * Whether all tiles are analog with equal settings, so that the tiles of a tile column (forward) or tile row
     * (transposed) can share one preparation of their common inputs ({@link AnalogTile#prepareForward}): the same
     * results with a fraction of the conversions.
     */
    private boolean sharedInputs;
    private final AnalogTile.PreparedInputs[] preparedColumns;
    private final AnalogTile.PreparedInputs[] preparedRows;

    /**
     * @param rows outputs of the whole matrix, at least 1
     * @param columns inputs of the whole matrix, at least 1
     * @param tileRows largest rows per tile, at least 1
     * @param tileColumns largest columns per tile, at least 1
     * @param factory builds each tile
     * @param ledger the ledger every tile charges
     * @param accumulation charges the digital additions of partial sums
     */
    public TiledCrossbar(int rows, int columns, int tileRows, int tileColumns, TileFactory factory,
                         CostLedger ledger, Accumulation accumulation) {
        this.rows = Checks.positive("rows", rows);
        this.columns = Checks.positive("columns", columns);
        this.tileRows = Checks.positive("tileRows", tileRows);
        this.tileColumns = Checks.positive("tileColumns", tileColumns);
        this.ledger = Checks.notNull("ledger", ledger);
        this.accumulation = Checks.notNull("accumulation", accumulation);
        this.gridRows = (rows + tileRows - 1) / tileRows;
        this.gridColumns = (columns + tileColumns - 1) / tileColumns;
        this.tiles = new Crossbar[gridRows * gridColumns];
        for (int r = 0; r < gridRows; r++) {
            for (int c = 0; c < gridColumns; c++) {
                tiles[r * gridColumns + c] = factory.create(r, c, blockRows(r), blockColumns(c), ledger);
            }
        }
        boolean allAnalog = tiles.length > 1;
        for (Crossbar tile : tiles) {
            allAnalog &= tile instanceof AnalogTile;
        }
        if (allAnalog) {
            analogTiles = new AnalogTile[tiles.length];
            for (int t = 0; t < tiles.length; t++) {
                analogTiles[t] = (AnalogTile) tiles[t];
            }
        } else {
            analogTiles = null;
        }
        tileResults = new UpdateResult[tiles.length];
        partialSumAdded = new boolean[tiles.length];
        charged = new boolean[tiles.length];
        nextPart = new int[Math.max(gridRows, gridColumns)];
        blockLocks = new Object[nextPart.length];
        for (int b = 0; b < blockLocks.length; b++) {
            blockLocks[b] = new Object();
        }
        boolean same = analogTiles != null;
        for (int t = 1; same && t < tiles.length; t++) {
            same = analogTiles[t].sharesInputsWith(analogTiles[0]);
        }
        sharedInputs = same;
        preparedColumns = new AnalogTile.PreparedInputs[same ? gridColumns : 0];
        preparedRows = new AnalogTile.PreparedInputs[same ? gridRows : 0];
        for (int c = 0; c < preparedColumns.length; c++) {
            preparedColumns[c] = new AnalogTile.PreparedInputs();
        }
        for (int r = 0; r < preparedRows.length; r++) {
            preparedRows[r] = new AnalogTile.PreparedInputs();
        }
    }

    /** Makes every tile prepare its own inputs, as before the shared preparation; for tests that compare the two. */
    void prepareInputsPerTile() {
        sharedInputs = false;
    }

    /** Whether this call runs the tiles in parallel. */
    private boolean parallel() {
        return analogTiles != null && Kernels.threads() > 1;
    }

    private void ensureParallel(int batch) {
        if (parallelBatch >= batch) {
            return;
        }
        columnBlocks = new float[gridColumns][];
        for (int c = 0; c < gridColumns; c++) {
            columnBlocks[c] = new float[batch * blockColumns(c)];
        }
        rowBlocks = new float[gridRows][];
        for (int r = 0; r < gridRows; r++) {
            rowBlocks[r] = new float[batch * blockRows(r)];
        }
        tileOutputs = new float[tiles.length][];
        for (int t = 0; t < tiles.length; t++) {
            tileOutputs[t] = new float[batch * Math.max(tileRows, tileColumns)];
        }
        parallelBatch = batch;
    }

    /** Runs {@code work} for every tile in parallel with deferred charges; charges are flushed by the caller. */
    private void runTiles(java.util.function.IntConsumer work) {
        for (AnalogTile tile : analogTiles) {
            tile.deferCharges(true);
        }
        try {
            TileRunner.run(tiles.length, work);
        } finally {
            for (AnalogTile tile : analogTiles) {
                tile.deferCharges(false);
            }
        }
    }

    /**
     * Runs the product of every tile in parallel ({@code product} computes tile {@code t} into
     * {@code tileOutputs[t]}) and, as the tiles finish, on whichever thread finished them, adds their partial sums
     * into {@code out} and makes their ledger charges, both in the order of the sequential loop: the partial sums of
     * each output block tile by tile along the input blocks (the same order of additions for every output), the
     * charges tile column by tile column (forward) or tile row by tile row (transposed). A tile's sums or charges
     * wait, under the output block's or the ledger's lock, until those before it in that order are in, and the
     * tile that completes a run of waiting ones adds them all. Tiles are handed out in the charge order, so both
     * orders advance as the tiles finish instead of at the end. Results and costs are those of the sequential loop
     * for every thread count (the thread-count and shared-input tests compare them bit for bit).
     *
     * @param forward true for the forward product (output blocks are tile rows), false for the transposed one
     * @param batch samples
     * @param out the product's outputs, zeroed by the caller
     * @param product computes one tile's partial sums
     */
    private void runInOrder(boolean forward, int batch, float[] out, java.util.function.IntConsumer product) {
        int count = tiles.length;
        java.util.Arrays.fill(partialSumAdded, false);
        java.util.Arrays.fill(charged, false);
        java.util.Arrays.fill(nextPart, 0);
        nextCharge = 0;
        int parts = forward ? gridColumns : gridRows;
        runTiles(k -> {
            int t = forward ? tileInColumnOrder(k) : k;
            product.accept(t);
            int block = forward ? t / gridColumns : t % gridColumns;
            synchronized (blockLocks[block]) {
                partialSumAdded[t] = true;
                while (nextPart[block] < parts) {
                    int next = forward ? block * gridColumns + nextPart[block] : nextPart[block] * gridColumns + block;
                    if (!partialSumAdded[next]) {
                        break;
                    }
                    if (forward) {
                        scatterAdd(tileOutputs[next], batch, blockRows(block), out, rows, block * tileRows);
                    } else {
                        scatterAdd(tileOutputs[next], batch, blockColumns(block), out, columns, block * tileColumns);
                    }
                    nextPart[block]++;
                }
            }
            synchronized (chargeLock) {
                charged[k] = true;
                while (nextCharge < count && charged[nextCharge]) {
                    analogTiles[forward ? tileInColumnOrder(nextCharge) : nextCharge].flushCharges();
                    nextCharge++;
                }
            }
        });
    }

    /** The tile at position {@code k} when the tiles are taken tile column by tile column. */
    private int tileInColumnOrder(int k) {
        return (k % gridRows) * gridColumns + k / gridRows;
    }

    private int blockRows(int r) {
        return Math.min(tileRows, rows - r * tileRows);
    }

    private int blockColumns(int c) {
        return Math.min(tileColumns, columns - c * tileColumns);
    }

    /** The tiles, row block by row block. */
    public List<Crossbar> tiles() {
        return List.of(tiles);
    }

    /** Number of tiles along the rows and along the columns. */
    public int[] gridShape() {
        return new int[] {gridRows, gridColumns};
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public void forward(float[] x, int batch, float[] y, Phase phase) {
        Checks.positive("batch", batch);
        ensure(batch);
        java.util.Arrays.fill(y, 0, batch * rows, 0f);
        if (parallel()) {
            ensureParallel(batch);
            for (int c = 0; c < gridColumns; c++) {
                gather(x, batch, columns, c * tileColumns, blockColumns(c), columnBlocks[c]);
            }
            if (sharedInputs) {
                // Tile (0, c) prepares column c's inputs for the whole column; the columns in parallel.
                TileRunner.run(gridColumns, c -> analogTiles[c].prepareForward(columnBlocks[c], batch,
                        preparedColumns[c]));
                runInOrder(true, batch, y, t -> analogTiles[t].forward(preparedColumns[t % gridColumns],
                        tileOutputs[t], phase));
            } else {
                runInOrder(true, batch, y, t -> tiles[t].forward(columnBlocks[t % gridColumns], batch,
                        tileOutputs[t], phase));
            }
            if (gridColumns > 1) {
                accumulation.charge(batch, rows, gridColumns, phase);
            }
            return;
        }
        for (int c = 0; c < gridColumns; c++) {
            int width = blockColumns(c);
            gather(x, batch, columns, c * tileColumns, width, inputBlock);
            if (sharedInputs) {
                analogTiles[c].prepareForward(inputBlock, batch, preparedColumns[c]);
            }
            for (int r = 0; r < gridRows; r++) {
                int height = blockRows(r);
                int t = r * gridColumns + c;
                if (sharedInputs) {
                    analogTiles[t].forward(preparedColumns[c], outputBlock, phase);
                } else {
                    tiles[t].forward(inputBlock, batch, outputBlock, phase);
                }
                scatterAdd(outputBlock, batch, height, y, rows, r * tileRows);
            }
        }
        if (gridColumns > 1) {
            accumulation.charge(batch, rows, gridColumns, phase);
        }
    }

    @Override
    public void backward(float[] d, int batch, float[] z, Phase phase) {
        Checks.positive("batch", batch);
        ensure(batch);
        java.util.Arrays.fill(z, 0, batch * columns, 0f);
        if (parallel()) {
            ensureParallel(batch);
            for (int r = 0; r < gridRows; r++) {
                gather(d, batch, rows, r * tileRows, blockRows(r), rowBlocks[r]);
            }
            if (sharedInputs) {
                // Tile (r, 0) prepares row r's inputs for the whole tile row; the rows in parallel.
                TileRunner.run(gridRows, r -> analogTiles[r * gridColumns].prepareBackward(rowBlocks[r], batch,
                        preparedRows[r]));
                runInOrder(false, batch, z, t -> analogTiles[t].backward(preparedRows[t / gridColumns],
                        tileOutputs[t], phase));
            } else {
                runInOrder(false, batch, z, t -> tiles[t].backward(rowBlocks[t / gridColumns], batch,
                        tileOutputs[t], phase));
            }
            if (gridRows > 1) {
                accumulation.charge(batch, columns, gridRows, phase);
            }
            return;
        }
        for (int r = 0; r < gridRows; r++) {
            int height = blockRows(r);
            gather(d, batch, rows, r * tileRows, height, inputBlock);
            if (sharedInputs) {
                analogTiles[r * gridColumns].prepareBackward(inputBlock, batch, preparedRows[r]);
            }
            for (int c = 0; c < gridColumns; c++) {
                int width = blockColumns(c);
                int t = r * gridColumns + c;
                if (sharedInputs) {
                    analogTiles[t].backward(preparedRows[r], outputBlock, phase);
                } else {
                    tiles[t].backward(inputBlock, batch, outputBlock, phase);
                }
                scatterAdd(outputBlock, batch, width, z, columns, c * tileColumns);
            }
        }
        if (gridRows > 1) {
            accumulation.charge(batch, columns, gridRows, phase);
        }
    }

    @Override
    public UpdateResult update(float[] x, float[] d, int batch, double learningRate) {
        Checks.positive("batch", batch);
        ensure(batch);
        UpdateResult total = UpdateResult.NONE;
        if (parallel()) {
            ensureParallel(batch);
            for (int c = 0; c < gridColumns; c++) {
                gather(x, batch, columns, c * tileColumns, blockColumns(c), columnBlocks[c]);
            }
            for (int r = 0; r < gridRows; r++) {
                gather(d, batch, rows, r * tileRows, blockRows(r), rowBlocks[r]);
            }
            runTiles(t -> tileResults[t] = tiles[t].update(columnBlocks[t % gridColumns], rowBlocks[t / gridColumns],
                    batch, learningRate));
            for (int c = 0; c < gridColumns; c++) {
                for (int r = 0; r < gridRows; r++) {
                    int t = r * gridColumns + c;
                    analogTiles[t].flushCharges();
                    total = total.plus(tileResults[t]);
                    tileResults[t] = null;
                }
            }
            return total;
        }
        for (int c = 0; c < gridColumns; c++) {
            gather(x, batch, columns, c * tileColumns, blockColumns(c), inputBlock);
            for (int r = 0; r < gridRows; r++) {
                gather(d, batch, rows, r * tileRows, blockRows(r), secondBlock);
                total = total.plus(tiles[r * gridColumns + c].update(inputBlock, secondBlock, batch, learningRate));
            }
        }
        return total;
    }

    @Override
    public UpdateResult applyDelta(float[] delta) {
        Checks.isTrue(delta.length >= rows * columns, "delta must hold rows × columns = %d values, got %d",
                rows * columns, delta.length);
        if (matrixBlock == null) {
            matrixBlock = new float[tileRows * tileColumns];
        }
        UpdateResult total = UpdateResult.NONE;
        for (int r = 0; r < gridRows; r++) {
            for (int c = 0; c < gridColumns; c++) {
                gatherBlock(delta, r, c, matrixBlock);
                total = total.plus(tiles[r * gridColumns + c].applyDelta(matrixBlock));
            }
        }
        return total;
    }

    @Override
    public ProgrammingResult program(float[] weights) {
        ProgrammingResult total = new ProgrammingResult(0, 0, 0, 0, 0);
        float[] block = new float[tileRows * tileColumns];
        for (int r = 0; r < gridRows; r++) {
            for (int c = 0; c < gridColumns; c++) {
                gatherBlock(weights, r, c, block);
                total = total.plus(tiles[r * gridColumns + c].program(block));
            }
        }
        return total;
    }

    @Override
    public void readWeights(float[] out) {
        float[] block = new float[tileRows * tileColumns];
        for (int r = 0; r < gridRows; r++) {
            for (int c = 0; c < gridColumns; c++) {
                int height = blockRows(r);
                int width = blockColumns(c);
                tiles[r * gridColumns + c].readWeights(block);
                for (int i = 0; i < height; i++) {
                    System.arraycopy(block, i * width, out, (r * tileRows + i) * columns + c * tileColumns,
                            width);
                }
            }
        }
    }

    @Override
    public void advanceTime(double seconds) {
        Checks.nonNegativeFinite("advanceTimeSeconds", seconds);
        for (Crossbar tile : tiles) {
            tile.advanceTime(seconds);
        }
    }

    @Override
    public CostLedger ledger() {
        return ledger;
    }

    private void ensure(int batch) {
        int largest = batch * Math.max(tileRows, tileColumns);
        if (inputBlock.length < largest) {
            inputBlock = new float[largest];
            secondBlock = new float[largest];
            outputBlock = new float[largest];
        }
    }

    /** Copies the block of tile {@code (r, c)} of a {@code rows × columns} matrix into a dense row-major block. */
    private void gatherBlock(float[] matrix, int r, int c, float[] block) {
        int height = blockRows(r);
        int width = blockColumns(c);
        for (int i = 0; i < height; i++) {
            System.arraycopy(matrix, (r * tileRows + i) * columns + c * tileColumns, block, i * width, width);
        }
    }

    /** Copies columns {@code [from, from + width)} of a {@code batch × stride} matrix into a dense block. */
    private static void gather(float[] source, int batch, int stride, int from, int width, float[] block) {
        for (int b = 0; b < batch; b++) {
            System.arraycopy(source, b * stride + from, block, b * width, width);
        }
    }

    /** Adds a dense {@code batch × width} block into columns {@code [from, from + width)} of the target. */
    private static void scatterAdd(float[] block, int batch, int width, float[] target, int stride, int from) {
        for (int b = 0; b < batch; b++) {
            int source = b * width;
            int destination = b * stride + from;
            for (int k = 0; k < width; k++) {
                target[destination + k] += block[source + k];
            }
        }
    }

    /** Writes every tile's state, row of tiles by row of tiles. */
    @Override
    public void saveState(org.xbarlab.core.state.StateWriter out) {
        out.writeInt("tiles", tiles.length);
        for (Crossbar tile : tiles) {
            out.writeState("tile", tile);
        }
    }

    @Override
    public void restoreState(org.xbarlab.core.state.StateReader in) {
        int count = in.readInt("tiles");
        if (count != tiles.length) {
            throw new org.xbarlab.core.state.CheckpointException("a crossbar of " + count
                    + " tiles cannot be restored into one of " + tiles.length);
        }
        for (Crossbar tile : tiles) {
            in.readState("tile", tile);
        }
    }
}
