package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * What the write pulses of one update (or one programming pass) were, as the energy and latency model needs it:
 * how many pulses of each polarity, the sum of the cells' conductances over those pulses (for {@code V²·G·t}), and
 * how many pulse slots lie on the critical path once the writes are scheduled.
 *
 * <p>Potentiation pulses raise the conductance and depression pulses lower it; they are applied in two separate
 * phases, so their slots add. The factories schedule a matrix of per-cell pulse counts
 * ({@link #fromPulseCounts(int, int, int[], float[], WriteScheduling, int)}), or describe stochastic coincidence
 * trains ({@link #stochasticTrains}).
 *
 * @param potentiationPulseCount potentiation pulses applied to cells, non-negative
 * @param potentiationConductanceSumSiemens sum over those pulses of the pulsed cell's conductance (S),
 *     non-negative and finite
 * @param potentiationSlotCount potentiation pulse widths on the critical path, non-negative
 * @param depressionPulseCount depression pulses applied to cells, non-negative
 * @param depressionConductanceSumSiemens sum over those pulses of the pulsed cell's conductance (S), non-negative
 *     and finite
 * @param depressionSlotCount depression pulse widths on the critical path, non-negative
 * @param writeStepCount sequential line selections (row decodes) the writes needed, each charged one periphery
 *     operation; non-negative
 */
public record PulseActivity(long potentiationPulseCount, double potentiationConductanceSumSiemens,
                            long potentiationSlotCount, long depressionPulseCount,
                            double depressionConductanceSumSiemens, long depressionSlotCount, long writeStepCount) {

    /** No pulse at all. */
    public static final PulseActivity NONE = new PulseActivity(0, 0, 0, 0, 0, 0, 0);

    /** Validates the fields. */
    public PulseActivity {
        Checks.nonNegative("potentiationPulseCount", potentiationPulseCount);
        Checks.nonNegativeFinite("potentiationConductanceSumSiemens", potentiationConductanceSumSiemens);
        Checks.nonNegative("potentiationSlotCount", potentiationSlotCount);
        Checks.nonNegative("depressionPulseCount", depressionPulseCount);
        Checks.nonNegativeFinite("depressionConductanceSumSiemens", depressionConductanceSumSiemens);
        Checks.nonNegative("depressionSlotCount", depressionSlotCount);
        Checks.nonNegative("writeStepCount", writeStepCount);
        Checks.isTrue(potentiationSlotCount <= potentiationPulseCount,
                "potentiationSlotCount (%d) must not exceed potentiationPulseCount (%d)", potentiationSlotCount,
                potentiationPulseCount);
        Checks.isTrue(depressionSlotCount <= depressionPulseCount,
                "depressionSlotCount (%d) must not exceed depressionPulseCount (%d)", depressionSlotCount,
                depressionPulseCount);
    }

    /**
     * Schedules a matrix of per-cell pulse counts, with each pulsed cell's own conductance.
     *
     * <p>The rows of the matrix are the lines selected one at a time by {@link WriteScheduling#ROW_BY_ROW}. The
     * columns share write drivers: with {@code k = min(columnsPerWriteDriver, columns)}, column {@code c} is
     * written at driver position {@code c mod k}, and the positions are written one after the other. A group of
     * cells written together (one row and one position, or with {@link WriteScheduling#ROW_PARALLEL} one position
     * across all rows) lasts as long as its longest train of each polarity. Runs in {@code O(rows·columns)} without
     * allocating.
     *
     * @param rows rows of the matrix, positive
     * @param columns columns of the matrix, positive
     * @param signedPulseCounts row-major {@code rows × columns} pulse counts: positive for potentiation, negative
     *     for depression; read only
     * @param conductancesSiemens row-major {@code rows × columns} conductance of each cell during its pulses (S);
     *     read only; NeuroSim uses the mean of the conductance before and after the update
     * @param scheduling the write order, not null
     * @param columnsPerWriteDriver columns sharing one write driver, positive
     * @return the activity
     */
    public static PulseActivity fromPulseCounts(int rows, int columns, int[] signedPulseCounts,
                                                float[] conductancesSiemens, WriteScheduling scheduling,
                                                int columnsPerWriteDriver) {
        Checks.notNull("conductancesSiemens", conductancesSiemens);
        Checks.isTrue((long) rows * columns == conductancesSiemens.length,
                "conductancesSiemens must have rows × columns = %d × %d elements, got %d", rows, columns,
                conductancesSiemens.length);
        return schedule(rows, columns, signedPulseCounts, conductancesSiemens, 0, scheduling, columnsPerWriteDriver);
    }

    /**
     * Schedules a matrix of per-cell pulse counts, taking every pulsed cell at the same mean conductance; see
     * {@link #fromPulseCounts(int, int, int[], float[], WriteScheduling, int)}.
     *
     * @param rows rows of the matrix, positive
     * @param columns columns of the matrix, positive
     * @param signedPulseCounts row-major {@code rows × columns} signed pulse counts; read only
     * @param meanConductanceSiemens conductance of every pulsed cell (S), non-negative and finite
     * @param scheduling the write order, not null
     * @param columnsPerWriteDriver columns sharing one write driver, positive
     * @return the activity
     */
    public static PulseActivity fromPulseCounts(int rows, int columns, int[] signedPulseCounts,
                                                double meanConductanceSiemens, WriteScheduling scheduling,
                                                int columnsPerWriteDriver) {
        Checks.nonNegativeFinite("meanConductanceSiemens", meanConductanceSiemens);
        return schedule(rows, columns, signedPulseCounts, null, meanConductanceSiemens, scheduling,
                columnsPerWriteDriver);
    }

    /**
     * Stochastic pulse trains with coincidence detection (aihwkit's pulsed update, aihwkit.md section 1.5): every
     * row and column fires a train of {@code bitLength} slots, all cells are updated in parallel, and a cell
     * receives a pulse in each slot where its row and column both fire. The update lasts {@code bitLength} slots per
     * polarity that occurs, whatever the number of coincidences, and selects all rows at once (one write step).
     *
     * @param potentiationCoincidences potentiation pulses that reached cells, non-negative
     * @param potentiationConductanceSumSiemens sum of the conductances over those pulses (S)
     * @param depressionCoincidences depression pulses that reached cells, non-negative
     * @param depressionConductanceSumSiemens sum of the conductances over those pulses (S)
     * @param bitLength slots per train, positive
     * @return the activity
     */
    public static PulseActivity stochasticTrains(long potentiationCoincidences,
                                                 double potentiationConductanceSumSiemens,
                                                 long depressionCoincidences, double depressionConductanceSumSiemens,
                                                 int bitLength) {
        Checks.positive("bitLength", bitLength);
        Checks.nonNegative("potentiationCoincidences", potentiationCoincidences);
        Checks.nonNegative("depressionCoincidences", depressionCoincidences);
        long potentiationSlots = potentiationCoincidences > 0 ? Math.min(bitLength, potentiationCoincidences) : 0;
        long depressionSlots = depressionCoincidences > 0 ? Math.min(bitLength, depressionCoincidences) : 0;
        long steps = (potentiationCoincidences > 0 || depressionCoincidences > 0) ? 1 : 0;
        return new PulseActivity(potentiationCoincidences, potentiationConductanceSumSiemens, potentiationSlots,
                depressionCoincidences, depressionConductanceSumSiemens, depressionSlots, steps);
    }

    /**
     * The sum of two activities performed one after the other (slots and steps add).
     *
     * @param other the other activity, not null
     * @return the sum
     */
    public PulseActivity plus(PulseActivity other) {
        return new PulseActivity(potentiationPulseCount + other.potentiationPulseCount,
                potentiationConductanceSumSiemens + other.potentiationConductanceSumSiemens,
                potentiationSlotCount + other.potentiationSlotCount,
                depressionPulseCount + other.depressionPulseCount,
                depressionConductanceSumSiemens + other.depressionConductanceSumSiemens,
                depressionSlotCount + other.depressionSlotCount,
                writeStepCount + other.writeStepCount);
    }

    /**
     * All pulses of both polarities.
     *
     * @return {@code potentiationPulseCount + depressionPulseCount}
     */
    public long totalPulseCount() {
        return potentiationPulseCount + depressionPulseCount;
    }

    /**
     * Schedules the pulse counts of a list of cells, as {@link #fromPulseCounts(int, int, int[], float[],
     * WriteScheduling, int)} does for the whole matrix: the same activity, bit for bit, when the list holds every
     * cell with a non-zero count in ascending order, at a cost proportional to the list (the sparse updates of a
     * tile).
     *
     * @param rows rows of the matrix, positive
     * @param columns columns of the matrix, positive
     * @param signedPulseCounts row-major {@code rows × columns} signed pulse counts; read only
     * @param cells the cells to schedule, ascending row-major indices; read only
     * @param cellCount entries of {@code cells} used
     * @param negate whether every count is negated (the partner array of a differential pair)
     * @param conductancesSiemens the conductance of cell {@code cells[t]} at index {@code t} (S); read only
     * @param scheduling the write order, not null
     * @param columnsPerWriteDriver columns sharing one write driver, positive
     * @return the activity
     */
    public static PulseActivity fromListedPulseCounts(int rows, int columns, int[] signedPulseCounts, int[] cells,
                                                      int cellCount, boolean negate, float[] conductancesSiemens,
                                                      WriteScheduling scheduling, int columnsPerWriteDriver) {
        Checks.notNull("cells", cells);
        Checks.notNull("conductancesSiemens", conductancesSiemens);
        Checks.isTrue(cellCount >= 0 && cellCount <= cells.length && cellCount <= conductancesSiemens.length,
                "cellCount (%d) must lie in [0, %d]", cellCount, Math.min(cells.length, conductancesSiemens.length));
        Scheduler scheduler = new Scheduler(rows, columns, signedPulseCounts, scheduling, columnsPerWriteDriver);
        int previous = -1;
        for (int t = 0; t < cellCount; t++) {
            int k = cells[t];
            Checks.isTrue(k > previous && k < signedPulseCounts.length,
                    "cells must be ascending indices below %d, got %d after %d", signedPulseCounts.length, k,
                    previous);
            previous = k;
            int n = signedPulseCounts[k];
            if (n != 0) {
                scheduler.add(k, negate ? -n : n, conductancesSiemens[t]);
            }
        }
        return scheduler.finish();
    }

    private static PulseActivity schedule(int rows, int columns, int[] counts, float[] conductances,
                                          double meanConductance, WriteScheduling scheduling,
                                          int columnsPerWriteDriver) {
        Scheduler scheduler = new Scheduler(rows, columns, counts, scheduling, columnsPerWriteDriver);
        for (int k = 0; k < counts.length; k++) {
            int n = counts[k];
            if (n != 0) {
                scheduler.add(k, n, conductances != null ? conductances[k] : meanConductance);
            }
        }
        return scheduler.finish();
    }

    /**
     * Accumulates the pulsed cells of one activity in ascending row-major order. The rows are the lines selected
     * one at a time by {@link WriteScheduling#ROW_BY_ROW}. The columns share write drivers: with
     * {@code k = min(columnsPerWriteDriver, columns)}, column {@code c} is written at driver position
     * {@code c mod k}, and the positions are written one after the other. A group of cells written together (one
     * row and one position, or with {@link WriteScheduling#ROW_PARALLEL} one position across all rows) lasts as
     * long as its longest train of each polarity.
     */
    private static final class Scheduler {
        private final int columns;
        private final int positions;
        private final boolean rowByRow;
        private final int[] longestPotentiation;
        private final int[] longestDepression;
        private final int[] usedPositions;
        private int usedCount;
        private int group = -1;
        /** First cell of the current row and the first cell after it. */
        private int rowStart;
        private int rowEnd;
        /** {@code positions − 1} when it is a power of two (position = column & mask), else −1. */
        private final int positionMask;
        private long potentiationPulses;
        private long depressionPulses;
        private double potentiationConductance;
        private double depressionConductance;
        private long potentiationSlots;
        private long depressionSlots;
        private long steps;

        Scheduler(int rows, int columns, int[] counts, WriteScheduling scheduling, int columnsPerWriteDriver) {
            Checks.positive("rows", rows);
            Checks.positive("columns", columns);
            Checks.notNull("signedPulseCounts", counts);
            Checks.isTrue((long) rows * columns == counts.length,
                    "signedPulseCounts must have rows × columns = %d × %d elements, got %d", rows, columns,
                    counts.length);
            Checks.notNull("scheduling", scheduling);
            Checks.positive("columnsPerWriteDriver", columnsPerWriteDriver);
            this.columns = columns;
            this.positions = Math.min(columnsPerWriteDriver, columns);
            this.positionMask = Integer.bitCount(positions) == 1 ? positions - 1 : -1;
            this.rowByRow = scheduling == WriteScheduling.ROW_BY_ROW;
            this.longestPotentiation = new int[positions];
            this.longestDepression = new int[positions];
            this.usedPositions = new int[positions];
        }

        /** Cell {@code k} (ascending) receives {@code n ≠ 0} pulses at conductance {@code g}. */
        void add(int k, int n, double g) {
            if (!(g >= 0 && g < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("conductancesSiemens[" + k
                        + "] of a pulsed cell must be non-negative and finite, got " + g + " S");
            }
            if (n == Integer.MIN_VALUE) {
                throw new IllegalArgumentException("signedPulseCounts[" + k + "] is out of range: " + n);
            }
            // The cells come in ascending order: move the row forward instead of dividing.
            if (k >= rowEnd) {
                int row = k / columns;
                rowStart = row * columns;
                rowEnd = rowStart + columns;
                int cellGroup = rowByRow ? row : 0;
                if (cellGroup != group) {
                    closeGroup();
                    group = cellGroup;
                }
            }
            int column = k - rowStart;
            int position = positionMask >= 0 ? column & positionMask : column % positions;
            if (longestPotentiation[position] == 0 && longestDepression[position] == 0) {
                usedPositions[usedCount++] = position;
            }
            if (n > 0) {
                potentiationPulses += n;
                potentiationConductance += n * g;
                longestPotentiation[position] = Math.max(longestPotentiation[position], n);
            } else {
                depressionPulses -= n;
                depressionConductance -= n * g;
                longestDepression[position] = Math.max(longestDepression[position], -n);
            }
        }

        private void closeGroup() {
            if (usedCount == 0) {
                return;
            }
            for (int u = 0; u < usedCount; u++) {
                int position = usedPositions[u];
                potentiationSlots += longestPotentiation[position];
                depressionSlots += longestDepression[position];
                longestPotentiation[position] = 0;
                longestDepression[position] = 0;
            }
            usedCount = 0;
            steps++;
        }

        PulseActivity finish() {
            closeGroup();
            return new PulseActivity(potentiationPulses, potentiationConductance, potentiationSlots,
                    depressionPulses, depressionConductance, depressionSlots, steps);
        }
    }
}
