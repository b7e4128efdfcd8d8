package org.xbarlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.crossbar.parasitics.IrDropCircuitConfig;
import org.xbarlab.crossbar.parasitics.IrDropConfig;
import org.xbarlab.crossbar.parasitics.IrDropInputPattern;
import org.xbarlab.crossbar.parasitics.IrDropMethod;
import org.xbarlab.crossbar.parasitics.IrDropSolverConfig;
import org.xbarlab.crossbar.parasitics.UniformArrayIrDrop;
import org.xbarlab.crossbar.parasitics.UniformArrayIrDropConfig;
import org.xbarlab.crossbar.parasitics.UniformArrayIrDropResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code xbarlab crossbar}: commands about crossbar arrays. */
@Command(name = "crossbar",
        mixinStandardHelpOptions = true,
        description = "Crossbar-array analyses.",
        subcommands = {CrossbarCommand.IrDrop.class})
final class CrossbarCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code xbarlab crossbar ir-drop}: IR drop of a uniform array (docs/ir-drop.md). */
    @Command(name = "ir-drop", mixinStandardHelpOptions = true,
            description = {
                "Computes the column currents of a uniform crossbar array with resistive wires and prints one JSON "
                        + "object with the relative error of each column current against the ideal product "
                        + "(columnRelativeError, (I_actual - I_ideal) / I_ideal), its worst and mean values and "
                        + "the solve time. Rows are driven at their column-0 end, columns end in a virtual ground "
                        + "after the last row (see docs/ir-drop.md)."
            })
    static final class IrDrop implements Runnable {

        @Spec
        private CommandSpec spec;

        @Option(names = "--rows", required = true, paramLabel = "R", description = "rows (inputs), 1 to 4096")
        private int rows;

        @Option(names = "--cols", required = true, paramLabel = "C", description = "columns (outputs), 1 to 4096")
        private int cols;

        @Option(names = "--wire-resistance-ohms", required = true, paramLabel = "OHMS",
                description = "resistance of one wire segment between neighbouring cells, rows and columns (Ω), "
                        + ">= 0")
        private double wireResistanceOhms;

        @Option(names = "--conductance-siemens", required = true, paramLabel = "SIEMENS",
                description = "conductance of every cell (S), > 0")
        private double conductanceSiemens;

        @Option(names = "--input", defaultValue = "ones", paramLabel = "PATTERN",
                description = "row voltages: ones (1 V) or random (uniform in [0, 1) V) (default: ${DEFAULT-VALUE})")
        private String input;

        @Option(names = "--seed", paramLabel = "SEED",
                description = "root seed of the random input (default: a fresh one, printed in the JSON)")
        private Long seed;

        @Option(names = "--method", defaultValue = "exact", paramLabel = "METHOD",
                description = "exact (sparse nodal solve), fast (line relaxation) or aihwkit-heuristic "
                        + "(default: ${DEFAULT-VALUE})")
        private String method;

        @Option(names = "--sweeps", defaultValue = "" + IrDropSolverConfig.DEFAULT_FAST_SWEEP_COUNT,
                paramLabel = "N", description = "sweeps of the fast method, 1 to 1000 (default: ${DEFAULT-VALUE})")
        private int sweeps;

        @Option(names = "--driver-resistance-ohms", defaultValue = "0", paramLabel = "OHMS",
                description = "series resistance of each row driver (Ω), >= 0 (default: ${DEFAULT-VALUE})")
        private double driverResistanceOhms;

        @Option(names = "--virtual-ground-resistance-ohms", defaultValue = "0", paramLabel = "OHMS",
                description = "series resistance of each column's virtual ground (Ω), >= 0 "
                        + "(default: ${DEFAULT-VALUE})")
        private double virtualGroundResistanceOhms;

        @Override
        public void run() {
            IrDropCircuitConfig circuit = IrDropCircuitConfig.uniformWires(wireResistanceOhms)
                    .withDriverResistanceOhms(driverResistanceOhms)
                    .withVirtualGroundResistanceOhms(virtualGroundResistanceOhms);
            IrDropSolverConfig solver = IrDropSolverConfig.defaults().withMethod(IrDropMethod.fromId(method))
                    .withFastSweepCount(sweeps);
            UniformArrayIrDropConfig config = new UniformArrayIrDropConfig(rows, cols, conductanceSiemens,
                    IrDropInputPattern.fromId(input), new IrDropConfig(circuit, solver));
            long rootSeed = seed != null ? seed : RngStreams.generateRootSeed();
            UniformArrayIrDropResult result = UniformArrayIrDrop.run(config, RngStreams.of(rootSeed));
            JsonNode tree = ConfigMapper.valueToTree(result);
            ObjectNode json = ConfigMapper.jsonMapper().createObjectNode();
            json.put("command", "crossbar ir-drop");
            json.put("seed", rootSeed);
            json.setAll((ObjectNode) tree);
            spec.commandLine().getOut().println(ConfigMapper.writeJson(json));
        }
    }
}
