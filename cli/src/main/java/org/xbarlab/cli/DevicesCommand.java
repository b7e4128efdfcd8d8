package org.xbarlab.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.core.Checks;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.ConductanceSummary;
import org.xbarlab.devices.DeviceExperiments;
import org.xbarlab.devices.PulseResponseTrace;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.presets.DevicePresets;
import org.xbarlab.devices.response.IdealResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;
import org.xbarlab.devices.response.QuantizedResponseConfig;
import org.xbarlab.reports.figures.FigureFormat;
import org.xbarlab.reports.figures.PulseResponseFigure;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarlab devices}: the device presets and two small experiments on fresh devices (docs/devices.md). The
 * simulation is {@link DeviceExperiments}; this class parses, validates, writes files and prints.
 */
@Command(name = "devices",
        mixinStandardHelpOptions = true,
        description = "Device presets, the statistics of programmed devices and pulse-response traces "
                + "(docs/devices.md).",
        subcommands = {
            DevicesCommand.ListPresets.class,
            DevicesCommand.Show.class,
            DevicesCommand.Stats.class,
            DevicesCommand.PulseResponse.class,
        })
final class DevicesCommand implements Runnable {

    /** Header of the pulse-response CSV format (docs/calibration.md, section "Pulse-response format"). */
    static final String PULSE_RESPONSE_CSV_HEADER = "device,cycle,pulse,direction,conductanceSiemens";

    /** Largest number of conductance values in one pulse-response file (about 30 bytes each in CSV). */
    static final long MAX_PULSE_RESPONSE_VALUES = 10_000_000L;
    static final int MAX_PULSES = 1_000_000;
    static final int MAX_CYCLES = 10_000;
    static final int MAX_DEVICES = 100_000;
    static final int MAX_SAMPLES = 10_000_000;

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code xbarlab devices list}. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Lists the device presets: name, pulse-response model, conductance window (uS), levels "
                    + "or nominal steps across the window, and the source (shortened; 'devices show NAME' prints "
                    + "it in full).")
    static final class ListPresets implements Runnable {

        private static final int CITATION_CHARS = 64;

        @Spec
        private CommandSpec spec;

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            String format = "%-18s %-19s %-20s %-15s %s%n";
            out.printf(Locale.ROOT, format, "name", "model", "window (uS)", "levels/steps", "source");
            for (String name : DevicePresets.names()) {
                DeviceConfig device = DevicePresets.load(name);
                out.printf(Locale.ROOT, format, name, modelName(device.response()),
                        microsiemens(device.minConductanceSiemens()) + " - "
                                + microsiemens(device.maxConductanceSiemens()),
                        levelsOrSteps(device.response()), shortCitation(device.citation(), CITATION_CHARS));
            }
        }
    }

    /** {@code xbarlab devices show NAME}. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Prints a preset as JSON, with its citation; the output is a valid device config.")
    static final class Show implements Runnable {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "NAME", description = "preset name (see 'xbarlab devices list')")
        private String name;

        @Override
        public void run() {
            spec.commandLine().getOut().println(DevicePresets.json(name));
        }
    }

    /** {@code xbarlab devices stats}. */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {
                "Programs N fresh devices of a preset once to a target conductance (one write with the preset's "
                        + "programming noise), lets them drift for T seconds and reads each once (with read noise). "
                        + "Prints one JSON object with the inputs and the reads' count, meanSiemens, stdSiemens "
                        + "(n - 1), p01Siemens, p50Siemens and p99Siemens (percentiles interpolated, type 7).",
            })
    static final class Stats implements Runnable {

        @Spec
        private CommandSpec spec;

        @Option(names = "--preset", required = true, paramLabel = "NAME", description = "device preset")
        private String preset;

        @Option(names = "--target-conductance-siemens", required = true, paramLabel = "SIEMENS",
                description = "target conductance (S), inside the preset's window (see 'devices list')")
        private double targetConductanceSiemens;

        @Option(names = "--time-seconds", defaultValue = "0", paramLabel = "SECONDS",
                description = "time between programming and the read (s), >= 0; 0 reads right after programming "
                        + "(default: ${DEFAULT-VALUE})")
        private double timeSeconds;

        @Option(names = "--samples", defaultValue = "10000", paramLabel = "N",
                description = "number of devices, 1 to " + MAX_SAMPLES + " (default: ${DEFAULT-VALUE})")
        private int samples;

        @Option(names = "--seed", paramLabel = "SEED",
                description = "root seed (default: a fresh one, printed in the JSON)")
        private Long seed;

        @Override
        public void run() {
            requireInRange("--samples", samples, 1, MAX_SAMPLES);
            if (!(timeSeconds >= 0 && timeSeconds < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException("--time-seconds must be finite and >= 0 s, got "
                        + Checks.number(timeSeconds) + " s");
            }
            DeviceConfig device = DevicePresets.load(preset);
            double min = device.minConductanceSiemens();
            double max = device.maxConductanceSiemens();
            if (!(targetConductanceSiemens >= min && targetConductanceSiemens <= max)) {
                throw new IllegalArgumentException("--target-conductance-siemens must be in [" + Checks.number(min)
                        + ", " + Checks.number(max) + "] S (the window of preset " + preset + "), got "
                        + Checks.number(targetConductanceSiemens) + " S");
            }
            long rootSeed = seed != null ? seed : RngStreams.generateRootSeed();
            ConductanceSummary summary = DeviceExperiments.programAndReadSummary(device, targetConductanceSiemens,
                    timeSeconds, samples, rootSeed);
            ObjectNode json = ConfigMapper.jsonMapper().createObjectNode();
            json.put("command", "devices stats");
            json.put("preset", preset);
            json.put("targetConductanceSiemens", targetConductanceSiemens);
            json.put("timeSeconds", timeSeconds);
            json.put("samples", samples);
            json.put("seed", rootSeed);
            json.setAll((ObjectNode) ConfigMapper.valueToTree(summary));
            spec.commandLine().getOut().println(ConfigMapper.writeJson(json));
        }
    }

    /** {@code xbarlab devices pulse-response}. */
    @Command(name = "pulse-response", mixinStandardHelpOptions = true,
            description = {
                "Applies C cycles of N potentiation then N depression pulses, one pulse at a time, to D fresh "
                        + "devices of a preset (starting at the lower bound of their windows) and writes the "
                        + "conductance (without read noise) after every pulse as CSV with the columns "
                        + PULSE_RESPONSE_CSV_HEADER + " (docs/calibration.md, 'Pulse-response format'). With "
                        + "--figure, also draws the trace (PNG at 300 dpi, SVG or PDF by extension).",
            })
    static final class PulseResponse implements Runnable {

        @Spec
        private CommandSpec spec;

        @Option(names = "--preset", required = true, paramLabel = "NAME", description = "device preset")
        private String preset;

        @Option(names = "--pulses", defaultValue = "200", paramLabel = "N",
                description = "pulses per phase, 1 to " + MAX_PULSES + " (default: ${DEFAULT-VALUE})")
        private int pulses;

        @Option(names = "--cycles", defaultValue = "2", paramLabel = "C",
                description = "potentiation/depression cycles, 1 to " + MAX_CYCLES + " (default: ${DEFAULT-VALUE})")
        private int cycles;

        @Option(names = "--devices", defaultValue = "4", paramLabel = "D",
                description = "devices, 1 to " + MAX_DEVICES + "; (2 C N + 1) D at most " + MAX_PULSE_RESPONSE_VALUES
                        + " (default: ${DEFAULT-VALUE})")
        private int devices;

        @Option(names = "--seed", paramLabel = "SEED",
                description = "root seed (default: a fresh one, printed)")
        private Long seed;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "CSV file to write")
        private Path out;

        @Option(names = "--figure", paramLabel = "FILE",
                description = "also draw the trace into FILE.png (300 dpi), FILE.svg or FILE.pdf "
                        + "(3.5 x 2.5 in, at most " + PulseResponseFigure.MAX_DEVICES_DRAWN + " devices drawn)")
        private Path figure;

        @Override
        public void run() {
            requireInRange("--pulses", pulses, 1, MAX_PULSES);
            requireInRange("--cycles", cycles, 1, MAX_CYCLES);
            requireInRange("--devices", devices, 1, MAX_DEVICES);
            long values = (2L * cycles * pulses + 1) * devices;
            if (values > MAX_PULSE_RESPONSE_VALUES) {
                throw new IllegalArgumentException(String.format(Locale.ROOT, "(2 x --cycles x --pulses + 1) x "
                        + "--devices must be at most %d values, got (2 x %d x %d + 1) x %d = %d",
                        MAX_PULSE_RESPONSE_VALUES, cycles, pulses, devices, values));
            }
            if (figure != null && FigureFormat.fromFileName(figure.toString()).isEmpty()) {
                throw new IllegalArgumentException("--figure must end in .png, .svg or .pdf, got " + figure);
            }
            DeviceConfig device = DevicePresets.load(preset);
            long rootSeed = seed != null ? seed : RngStreams.generateRootSeed();
            PulseResponseTrace trace = DeviceExperiments.pulseResponse(device, pulses, cycles, devices, rootSeed);
            AtomicFiles.writeString(out, pulseResponseCsv(trace));
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(Locale.ROOT, "xbarlab devices pulse-response: preset %s, %d device(s), %d cycle(s) of "
                    + "%d + %d pulses, seed %d%n", preset, devices, cycles, pulses, pulses, rootSeed);
            stdout.printf(Locale.ROOT, "  wrote %d rows to %s%n", values, out.toAbsolutePath());
            if (figure != null) {
                PulseResponseFigure.write(trace, preset, figure);
                stdout.printf(Locale.ROOT, "  figure: %s%n", figure.toAbsolutePath());
            }
        }
    }

    /**
     * The pulse-response CSV of a trace (docs/calibration.md): a header, then one line per device and state,
     * device by device, in pulse order. Row 0 of the trace (before any pulse) is {@code cycle 0, pulse 0, up};
     * the k-th pulse of a phase has {@code pulse k} (1-based). Conductances print as {@link Float#toString}, the
     * shortest decimal that reads back to the same float.
     */
    static String pulseResponseCsv(PulseResponseTrace trace) {
        int rows = trace.rows();
        int pulsesPerPhase = trace.pulsesPerPhase();
        StringBuilder csv = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16,
                32L * rows * trace.devices() + 64));
        csv.append(PULSE_RESPONSE_CSV_HEADER).append('\n');
        for (int device = 0; device < trace.devices(); device++) {
            for (int row = 0; row < rows; row++) {
                int pulse = row == 0 ? 0 : (row - 1) % pulsesPerPhase + 1;
                boolean up = row == 0 || trace.isPotentiation(row);
                csv.append(device).append(',').append(trace.cycleOf(row)).append(',').append(pulse).append(',')
                        .append(up ? "up" : "down").append(',')
                        .append(Float.toString(trace.conductanceSiemens(row, device))).append('\n');
            }
        }
        return csv.toString();
    }

    /** The JSON name of a pulse-response model ({@code "exp-step"}). */
    static String modelName(PulseResponseConfig response) {
        return ConfigMapper.valueToTree(response).path("model").asText("?");
    }

    /** Levels of level-based models, else the nominal number of steps across the window. */
    static String levelsOrSteps(PulseResponseConfig response) {
        if (response instanceof IdealResponseConfig ideal) {
            return ideal.stepCount() + " steps";
        }
        if (response instanceof QuantizedResponseConfig quantized) {
            return quantized.levelCount() + " levels";
        }
        if (response instanceof NeuroSimNonlinearResponseConfig neuroSim) {
            return neuroSim.potentiationLevelCount() + "/" + neuroSim.depressionLevelCount() + " levels";
        }
        return "~" + Math.round(response.nominalStepsAcrossWindow()) + " steps";
    }

    /** A conductance in µS with 4 significant digits and no trailing zeros ({@code 25}, {@code 0.003077}). */
    static String microsiemens(double siemens) {
        if (siemens == 0) {
            return "0";
        }
        return BigDecimal.valueOf(siemens).movePointRight(6).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * A citation shortened for a table: parenthesized asides removed, then cut at a word boundary to at most
     * {@code maxChars} characters with an ellipsis.
     */
    static String shortCitation(String citation, int maxChars) {
        StringBuilder text = new StringBuilder(citation.length());
        int depth = 0;
        for (int i = 0; i < citation.length(); i++) {
            char c = citation.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                text.append(c);
            }
        }
        String flat = text.toString().replaceAll("\\s+", " ").replace(" ,", ",").replace(" :", ":")
                .replace(" .", ".").replace(" ;", ";").trim();
        if (flat.length() <= maxChars) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', maxChars - 3);
        String head = (cut > maxChars / 2 ? flat.substring(0, cut) : flat.substring(0, maxChars - 3));
        return head.replaceAll("[,;:.]+$", "") + "...";
    }

    private static void requireInRange(String option, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(option + " must be in [" + min + ", " + max + "], got " + value);
        }
    }
}
