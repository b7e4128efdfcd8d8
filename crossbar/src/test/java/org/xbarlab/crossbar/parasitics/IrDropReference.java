package org.xbarlab.crossbar.parasitics;

import java.util.SplittableRandom;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Slow, obvious reference implementations for differential tests: written independently of the production code and
 * in its most literal form.
 */
final class IrDropReference {

    private IrDropReference() {
    }

    /**
     * Column currents by a dense solve of the textbook node-voltage system (unknowns: every row node a_ij and
     * column node b_ij; Kirchhoff's current law at each). Needs every resistance of a line to be positive.
     */
    static double[] denseNodalCurrents(int rows, int columns, double[] g, double[] v, IrDropCircuitConfig c) {
        int cells = rows * columns;
        int n = 2 * cells;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        double rowWire = 1 / c.rowWireSegmentResistanceOhms();
        double columnWire = 1 / c.columnWireSegmentResistanceOhms();
        double source = 1 / (c.driverResistanceOhms() + c.rowWireSegmentResistanceOhms());
        double sink = 1 / (c.virtualGroundResistanceOhms() + c.columnWireSegmentResistanceOhms());
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int rowNode = i * columns + j;
                int columnNode = cells + i * columns + j;
                // Row node: to the source or the left neighbour, to the right neighbour, through the cell.
                if (j == 0) {
                    a.add(rowNode, rowNode, source);
                    rhs.add(rowNode, 0, source * v[i]);
                } else {
                    stamp(a, rowNode, rowNode - 1, rowWire);
                }
                // Column node: to the lower neighbour or to the virtual ground.
                if (i == rows - 1) {
                    a.add(columnNode, columnNode, sink);
                } else {
                    stamp(a, columnNode, columnNode + columns, columnWire);
                }
                stamp(a, rowNode, columnNode, g[i * columns + j]);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, rhs, x)) {
            throw new IllegalStateException("singular reference system");
        }
        double[] currents = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                currents[j] += g[i * columns + j] * (x.get(i * columns + j) - x.get(cells + i * columns + j));
            }
        }
        return currents;
    }

    /**
     * The physical array as a netlist, read in either direction, solved densely: the geometry is fixed (row wires
     * run from the left terminal of each row, through {@code leftSeriesOhms} and one segment, to column N−1; column
     * wires run from row 0 down to the bottom terminal of each column, through one segment and
     * {@code bottomSeriesOhms}); only which terminals are driven changes.
     *
     * @param driveRows true: left terminals at {@code drive} (M values), bottom terminals at 0 V, returns the N
     *     currents into the bottom terminals; false: bottom terminals at {@code drive} (N values), left terminals at
     *     0 V, returns the M currents into the left terminals
     */
    static double[] physicalRead(int rows, int columns, double[] g, double rowOhms, double columnOhms,
                                 double leftSeriesOhms, double bottomSeriesOhms, double[] drive, boolean driveRows) {
        int cells = rows * columns;
        int n = 2 * cells;
        DMatrixRMaj a = new DMatrixRMaj(n, n);
        DMatrixRMaj rhs = new DMatrixRMaj(n, 1);
        double left = 1 / (leftSeriesOhms + rowOhms);
        double bottom = 1 / (bottomSeriesOhms + columnOhms);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int rowNode = i * columns + j;
                int columnNode = cells + rowNode;
                if (j == 0) {
                    a.add(rowNode, rowNode, left);
                    rhs.add(rowNode, 0, left * (driveRows ? drive[i] : 0));
                } else {
                    stamp(a, rowNode, rowNode - 1, 1 / rowOhms);
                }
                if (i == rows - 1) {
                    a.add(columnNode, columnNode, bottom);
                    rhs.add(columnNode, 0, bottom * (driveRows ? 0 : drive[j]));
                } else {
                    stamp(a, columnNode, columnNode + columns, 1 / columnOhms);
                }
                stamp(a, rowNode, columnNode, g[rowNode]);
            }
        }
        DMatrixRMaj x = new DMatrixRMaj(n, 1);
        if (!CommonOps_DDRM.solve(a, rhs, x)) {
            throw new IllegalStateException("singular reference system");
        }
        if (driveRows) {
            double[] currents = new double[columns];
            for (int j = 0; j < columns; j++) {
                currents[j] = x.get(cells + (rows - 1) * columns + j) * bottom;
            }
            return currents;
        }
        double[] currents = new double[rows];
        for (int i = 0; i < rows; i++) {
            currents[i] = x.get(i * columns) * left;
        }
        return currents;
    }

    private static void stamp(DMatrixRMaj a, int p, int q, double conductance) {
        a.add(p, p, conductance);
        a.add(q, q, conductance);
        a.add(p, q, -conductance);
        a.add(q, p, -conductance);
    }

    /** Ideal column currents Σ_i G_ij V_i. */
    static double[] idealCurrents(int rows, int columns, double[] g, double[] v) {
        double[] currents = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                currents[j] += g[i * columns + j] * v[i];
            }
        }
        return currents;
    }

    /**
     * First-order perturbation of the column currents in the wire resistances (no driver or ground resistance):
     * the cell currents are the ideal G_ij·V_i, the row drop at cell j is r_row times the sum over the segments up
     * to j of the current flowing through them, the column voltage at cell i is r_col times the sum over the
     * segments from i down to the ground of theirs, and ΔI_j = −Σ_i G_ij·(drop_ij + b_ij).
     */
    static double[] firstOrderCurrentChange(int rows, int columns, double[] g, double[] v, double rowOhms,
                                            double columnOhms) {
        double[] change = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                double drop = 0;
                for (int segment = 0; segment <= j; segment++) {
                    double through = 0;
                    for (int l = segment; l < columns; l++) {
                        through += g[i * columns + l] * v[i];
                    }
                    drop += rowOhms * through;
                }
                double rise = 0;
                for (int segment = i; segment < rows; segment++) {
                    double through = 0;
                    for (int l = 0; l <= segment; l++) {
                        through += g[l * columns + j] * v[l];
                    }
                    rise += columnOhms * through;
                }
                change[j] -= g[i * columns + j] * (drop + rise);
            }
        }
        return change;
    }

    /**
     * Line Gauss–Seidel in double precision, one input vector at a time, with each line's tridiagonal matrix built
     * explicitly and solved by textbook elimination: the obvious version of {@link FastIrDropModel}.
     */
    static double[] lineGaussSeidel(int rows, int columns, double[] g, double[] v, IrDropCircuitConfig c,
                                    int sweeps) {
        double[] d = new double[rows * columns];
        double[] b = new double[rows * columns];
        double rr = c.rowWireSegmentResistanceOhms();
        double rc = c.columnWireSegmentResistanceOhms();
        double rd = c.driverResistanceOhms();
        double rg = c.virtualGroundResistanceOhms();
        for (int sweep = 0; sweep < sweeps; sweep++) {
            for (int i = 0; i < rows; i++) {
                double[] lineG = new double[columns];
                double[] rhs = new double[columns];
                for (int j = 0; j < columns; j++) {
                    lineG[j] = g[i * columns + j];
                    rhs[j] = lineG[j] * (v[i] - b[i * columns + j]);
                }
                double[] solution = solveLine(lineG, rhs, rr, rd, true);
                for (int j = 0; j < columns; j++) {
                    d[i * columns + j] = solution[j];
                }
            }
            for (int j = 0; j < columns; j++) {
                double[] lineG = new double[rows];
                double[] rhs = new double[rows];
                for (int i = 0; i < rows; i++) {
                    lineG[i] = g[i * columns + j];
                    rhs[i] = lineG[i] * (v[i] - d[i * columns + j]);
                }
                double[] solution = solveLine(lineG, rhs, rc, rg, false);
                for (int i = 0; i < rows; i++) {
                    b[i * columns + j] = solution[i];
                }
            }
        }
        double[] currents = new double[columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                int cell = i * columns + j;
                currents[j] += g[cell] * (v[i] - d[cell] - b[cell]);
            }
        }
        return currents;
    }

    /**
     * One line: segment resistance r between neighbours, series r + rs to the terminal at index 0 (rows) or at the
     * last index (columns), cells to a fixed potential. Ideal wires collapse into one node (or a fixed 0 deviation).
     */
    private static double[] solveLine(double[] g, double[] rhs, double r, double rs, boolean terminalFirst) {
        int n = g.length;
        double[] x = new double[n];
        if (r == 0) {
            if (rs == 0) {
                return x;
            }
            double numerator = 0;
            double denominator = 1 / rs;
            for (int k = 0; k < n; k++) {
                numerator += rhs[k];
                denominator += g[k];
            }
            java.util.Arrays.fill(x, numerator / denominator);
            return x;
        }
        double[][] m = new double[n][n];
        for (int k = 0; k < n; k++) {
            m[k][k] += g[k];
            if (k + 1 < n) {
                m[k][k] += 1 / r;
                m[k + 1][k + 1] += 1 / r;
                m[k][k + 1] -= 1 / r;
                m[k + 1][k] -= 1 / r;
            }
        }
        int terminal = terminalFirst ? 0 : n - 1;
        m[terminal][terminal] += 1 / (r + rs);
        // Gaussian elimination without pivoting (the matrix is symmetric positive definite).
        double[] y = rhs.clone();
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                double factor = m[q][p] / m[p][p];
                if (factor != 0) {
                    for (int k = p; k < n; k++) {
                        m[q][k] -= factor * m[p][k];
                    }
                    y[q] -= factor * y[p];
                }
            }
        }
        for (int p = n - 1; p >= 0; p--) {
            double sum = y[p];
            for (int k = p + 1; k < n; k++) {
                sum -= m[p][k] * x[k];
            }
            x[p] = sum / m[p][p];
        }
        return x;
    }

    /** Uniform random values in [low, high). */
    static double[] uniform(SplittableRandom random, int length, double low, double high) {
        double[] values = new double[length];
        for (int k = 0; k < length; k++) {
            values[k] = low + (high - low) * random.nextDouble();
        }
        return values;
    }

    static float[] toFloat(double[] values) {
        float[] out = new float[values.length];
        for (int k = 0; k < values.length; k++) {
            out[k] = (float) values[k];
        }
        return out;
    }

    static double maxAbs(double[] values) {
        double max = 0;
        for (double value : values) {
            max = Math.max(max, Math.abs(value));
        }
        return max;
    }
}
