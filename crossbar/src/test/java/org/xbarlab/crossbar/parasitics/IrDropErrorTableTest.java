package org.xbarlab.crossbar.parasitics;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;

/**
 * Regenerates the error table of {@code docs/ir-drop.md} and checks the documented bound on the whole range:
 * {@code mvn -B -o -pl crossbar test -Pslow -Dtest=IrDropErrorTableTest}; the table is written to
 * {@code crossbar/target/ir-drop/error-table.md}.
 */
@Tag("slow")
class IrDropErrorTableTest extends XbarlabTestBase {

    static final int[] SIZES = {32, 64, 128, 256};
    static final double[] RATIOS = {1e-6, 1e-5, 1e-4, 1e-3};
    static final int[] SWEEPS = {1, 2, 3, 5, 10};

    @Test
    void writesTheErrorTableAndStaysWithinTheDocumentedBound() throws IOException {
        List<IrDropAccuracyStudy.Measurement> rows = new ArrayList<>();
        for (int size : SIZES) {
            for (double ratio : RATIOS) {
                for (IrDropInputPattern input : IrDropInputPattern.values()) {
                    rows.add(IrDropAccuracyStudy.measure(size, size, ratio, input, SWEEPS,
                            RngStreams.of(TEST_SEED)));
                }
            }
        }
        StringBuilder table = new StringBuilder();
        table.append("| M = N | r·G_max | input | exact worst | exact mean |");
        for (int sweeps : SWEEPS) {
            table.append(" fast, ").append(sweeps).append(sweeps == 1 ? " sweep |" : " sweeps |");
        }
        table.append(" aihwkit heuristic |\n|---|---|---|---|---|");
        for (int ignored : SWEEPS) {
            table.append("---|");
        }
        table.append("---|\n");
        for (IrDropAccuracyStudy.Measurement m : rows) {
            table.append(String.format(Locale.ROOT, "| %d | %.0e | %s | %.4f | %.4f |", m.rowCount(),
                    m.wireToDeviceResistanceRatio(), m.input().id(), m.exactWorstRelativeError(),
                    m.exactMeanRelativeError()));
            for (double error : m.fastMaxError()) {
                table.append(String.format(Locale.ROOT, " %.1e |", error));
            }
            table.append(String.format(Locale.ROOT, " %.1e |%n", m.aihwkitMaxError()));
        }
        Path out = Path.of("target", "ir-drop", "error-table.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString(), StandardCharsets.UTF_8);
        for (IrDropAccuracyStudy.Measurement m : rows) {
            FastIrDropModelTest.assertWithinDocumentedBound(m);
        }
        assertTrue(Files.size(out) > 0);
    }
}
