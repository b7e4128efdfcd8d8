package org.xbarlab.reports.results;

import java.util.ArrayList;
import java.util.List;

import org.xbarlab.core.Checks;

/**
 * A small table of text cells: the data behind a figure, or the runs of a sweep. Immutable.
 *
 * @param columns column names, not empty
 * @param rows rows, each with one cell per column (null cells are empty); copied
 */
public record ResultTable(List<String> columns, List<List<String>> rows) {

    /** Validates and copies. */
    public ResultTable {
        columns = List.copyOf(Checks.notEmpty("columns", columns));
        List<List<String>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            Checks.isTrue(row.size() == columns.size(), "rows[%d] must have %d cells, got %d", i, columns.size(),
                    row.size());
            List<String> cells = new ArrayList<>(row.size());
            for (String cell : row) {
                cells.add(cell == null ? "" : cell);
            }
            copy.add(List.copyOf(cells));
        }
        rows = List.copyOf(copy);
    }

    /**
     * The table as CSV (RFC 4180: a header line, then one line per row; fields with a comma, quote or line break
     * quoted, quotes doubled; {@code \n} line ends).
     *
     * @return the text
     */
    public String toCsv() {
        StringBuilder text = new StringBuilder();
        appendCsvLine(text, columns);
        for (List<String> row : rows) {
            appendCsvLine(text, row);
        }
        return text.toString();
    }

    private static void appendCsvLine(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            text.append(i > 0 ? "," : "").append(CsvFormat.field(cells.get(i)));
        }
        text.append('\n');
    }
}
