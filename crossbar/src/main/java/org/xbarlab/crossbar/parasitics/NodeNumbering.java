package org.xbarlab.crossbar.parasitics;

import java.util.Arrays;

/**
 * Numbering of the unknown node voltages of the IR-drop network, in an elimination order that keeps the sparse
 * Cholesky factor small. Package-private: used by {@link ExactIrDropSolver} only.
 *
 * <p>Each line is one of three {@linkplain LineKind kinds}. A line with positive segment resistance is a
 * {@link LineKind#CHAIN} with one unknown per cell. A line of ideal wire (segment resistance 0) is one node: an
 * unknown ({@link LineKind#MERGED}) if it reaches its source or ground through a positive series resistance, or a
 * known voltage ({@link LineKind#FIXED}) if that resistance is 0 as well. Merging is exact and removes the infinite
 * conductances a zero resistance would otherwise put into the matrix.
 *
 * <p>When both line kinds are chains, the order is a nested dissection of the M × N cell grid (A. George, "Nested
 * dissection of a regular finite element mesh", SIAM J. Numer. Anal. 10(2), 1973): removing the row nodes of one
 * column of cells separates the cells to its left from those to its right (the column nodes of that column then
 * form a chain on their own), and removing the column nodes of one row of cells separates the cells above from
 * those below. The larger side of a block is cut in the middle, both halves are numbered recursively, then the cut
 * chain, then the separator. EJML has no fill-reducing ordering of its own (its {@code FillReducing} offers none
 * but identity and random), so the matrix is assembled directly in this order. Otherwise chains are numbered first,
 * in their natural order (tridiagonal, no fill), and merged line nodes last.
 */
final class NodeNumbering {

    /** How the nodes of one kind of line (all rows, or all columns) are represented. */
    enum LineKind {
        /** Positive segment resistance: one unknown per cell. */
        CHAIN,
        /** Ideal wire behind a positive series resistance: one unknown per line. */
        MERGED,
        /** Ideal wire and ideal source or ground: the line voltage is known, no unknown. */
        FIXED
    }

    /** Blocks of at most this many cells are numbered in natural order (recursing further only adds overhead). */
    private static final int NESTED_DISSECTION_LEAF_CELLS = 4;

    final int rows;
    final int columns;
    final LineKind rowKind;
    final LineKind columnKind;
    /** Unknown index of the row node of each cell (CHAIN: rows × columns) or row (MERGED: rows); empty if FIXED. */
    final int[] rowNode;
    /** Unknown index of the column node of each cell (CHAIN) or column (MERGED); empty if FIXED. */
    final int[] columnNode;
    final int unknownCount;

    private int next;

    NodeNumbering(int rows, int columns, LineKind rowKind, LineKind columnKind) {
        this.rows = rows;
        this.columns = columns;
        this.rowKind = rowKind;
        this.columnKind = columnKind;
        int cells = rows * columns;
        rowNode = new int[rowKind == LineKind.CHAIN ? cells : rowKind == LineKind.MERGED ? rows : 0];
        columnNode = new int[columnKind == LineKind.CHAIN ? cells : columnKind == LineKind.MERGED ? columns : 0];
        Arrays.fill(rowNode, -1);
        Arrays.fill(columnNode, -1);
        if (rowKind == LineKind.CHAIN && columnKind == LineKind.CHAIN) {
            dissect(0, rows, 0, columns);
        } else {
            numberChainsThenMergedLines();
        }
        unknownCount = next;
    }

    /** Kind of a line from its segment resistance and its series (driver or ground) resistance. */
    static LineKind kindOf(double segmentResistanceOhms, double seriesResistanceOhms) {
        if (segmentResistanceOhms > 0) {
            return LineKind.CHAIN;
        }
        return seriesResistanceOhms > 0 ? LineKind.MERGED : LineKind.FIXED;
    }

    /** Unknown index of the row node at cell (i, j), or −1 if that node's voltage is the fixed input. */
    int rowNodeOf(int i, int j) {
        switch (rowKind) {
            case CHAIN:
                return rowNode[i * columns + j];
            case MERGED:
                return rowNode[i];
            default:
                return -1;
        }
    }

    /** Unknown index of the column node at cell (i, j), or −1 if that node is held at 0 V. */
    int columnNodeOf(int i, int j) {
        switch (columnKind) {
            case CHAIN:
                return columnNode[i * columns + j];
            case MERGED:
                return columnNode[j];
            default:
                return -1;
        }
    }

    private void numberChainsThenMergedLines() {
        if (rowKind == LineKind.CHAIN) {
            for (int cell = 0; cell < rows * columns; cell++) {
                rowNode[cell] = next++;
            }
        }
        if (columnKind == LineKind.CHAIN) {
            for (int j = 0; j < columns; j++) {
                for (int i = 0; i < rows; i++) {
                    columnNode[i * columns + j] = next++;
                }
            }
        }
        if (rowKind == LineKind.MERGED) {
            for (int i = 0; i < rows; i++) {
                rowNode[i] = next++;
            }
        }
        if (columnKind == LineKind.MERGED) {
            for (int j = 0; j < columns; j++) {
                columnNode[j] = next++;
            }
        }
    }

    /** Numbers every node of the cells in rows [r0, r1) × columns [c0, c1); none of them is numbered yet. */
    private void dissect(int r0, int r1, int c0, int c1) {
        int height = r1 - r0;
        int width = c1 - c0;
        if (height <= 0 || width <= 0) {
            return;
        }
        if (height * width <= NESTED_DISSECTION_LEAF_CELLS) {
            for (int i = r0; i < r1; i++) {
                for (int j = c0; j < c1; j++) {
                    rowNode[i * columns + j] = next++;
                    columnNode[i * columns + j] = next++;
                }
            }
            return;
        }
        if (width >= height) {
            int cut = (c0 + c1) >>> 1;
            dissect(r0, r1, c0, cut);
            dissect(r0, r1, cut + 1, c1);
            for (int i = r0; i < r1; i++) {
                columnNode[i * columns + cut] = next++;
            }
            for (int i = r0; i < r1; i++) {
                rowNode[i * columns + cut] = next++;
            }
        } else {
            int cut = (r0 + r1) >>> 1;
            dissect(r0, cut, c0, c1);
            dissect(cut + 1, r1, c0, c1);
            for (int j = c0; j < c1; j++) {
                rowNode[cut * columns + j] = next++;
            }
            for (int j = c0; j < c1; j++) {
                columnNode[cut * columns + j] = next++;
            }
        }
    }
}
