package org.xbarlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.xbarlab.calibration.CalibrationDataException;
import org.xbarlab.calibration.FitCurves;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.FitQuality;
import org.xbarlab.calibration.PresetFiles;
import org.xbarlab.calibration.data.DriftData;
import org.xbarlab.calibration.data.ProgrammingData;
import org.xbarlab.calibration.data.PulseResponseData;
import org.xbarlab.calibration.drift.DriftCalibration;
import org.xbarlab.calibration.drift.DriftFit;
import org.xbarlab.calibration.drift.DriftModelChoice;
import org.xbarlab.calibration.drift.DriftOptions;
import org.xbarlab.calibration.programming.ProgrammingNoiseCalibration;
import org.xbarlab.calibration.programming.ProgrammingNoiseFit;
import org.xbarlab.calibration.pulse.ModelScore;
import org.xbarlab.calibration.pulse.NoiseModel;
import org.xbarlab.calibration.pulse.PulseResponseCalibration;
import org.xbarlab.calibration.pulse.PulseResponseFit;
import org.xbarlab.calibration.pulse.PulseResponseOptions;
import org.xbarlab.core.Checks;
import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.core.io.AtomicFiles;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.presets.DevicePresets;
import org.xbarlab.reports.figures.CalibrationFitFigure;
import org.xbarlab.reports.figures.FigureFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code xbarlab calibrate}: fits device models to measured data and writes a device preset (docs/calibration.md).
 * The fitting is the calibration module's; this class reads the files, prints the fit summary and writes the preset,
 * the figure and the report. Bad data end with exit code 3 and a message naming the file, the row, the column and the
 * problem; a file that cannot be read or written with exit code 4.
 */
@Command(name = "calibrate",
        mixinStandardHelpOptions = true,
        description = "Fits device models to measured data (pulse-response cycles, drift, programming) and writes a "
                + "device preset that any experiment can use as chip.device (docs/calibration.md).",
        subcommands = {
            CalibrateCommand.PulseResponse.class,
            CalibrateCommand.Drift.class,
            CalibrateCommand.Programming.class,
        })
final class CalibrateCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options shared by the three fits: where the preset comes from and goes, the figure and the report. */
    static final class PresetOptions {

        @Option(names = "--out", required = true, paramLabel = "PRESET.json",
                description = "device preset to write (a DeviceConfig; replaced atomically; it may be the --base "
                        + "file)")
        Path out;

        @Option(names = "--base", paramLabel = "PRESET.json|NAME",
                description = "device to start from: a preset file (for example one written by another "
                        + "calibrate command) or a built-in preset name; everything the fit does not set is kept "
                        + "(default: the ideal device, window 0 to 25 uS)")
        String base;

        @Option(names = "--name", paramLabel = "NAME",
                description = "the preset's name (default: the base's name, or the --out file name without "
                        + "extension when there is no base)")
        String name;

        @Option(names = "--citation", paramLabel = "TEXT",
                description = "the preset's citation (default: the data file, its SHA-256 and the fit, appended to "
                        + "the base's citation)")
        String citation;

        @Option(names = "--figure", paramLabel = "FILE",
                description = "also draw the data against the fit, with residuals, into FILE.png (300 dpi), "
                        + "FILE.svg or FILE.pdf")
        Path figure;

        @Option(names = "--report", paramLabel = "FIT.json",
                description = "also write the fit (parameters with standard errors, per device, quality, model "
                        + "comparison) as JSON")
        Path report;

        void validate() {
            if (figure != null && FigureFormat.fromFileName(figure.toString()).isEmpty()) {
                throw new IllegalArgumentException("--figure must end in .png, .svg or .pdf, got " + figure);
            }
        }

        DeviceConfig base() {
            if (base == null) {
                return DeviceConfig.defaults();
            }
            Path file = Path.of(base);
            if (!Files.exists(file) && DevicePresets.names().contains(base)) {
                return DevicePresets.load(base);
            }
            if (!Files.exists(file)) {
                throw new UncheckedIOException(new IOException("--base " + base + ": no such file, and not a preset "
                        + "name (" + DevicePresets.names() + ")"));
            }
            return PresetFiles.read(file);
        }

        String name(DeviceConfig baseDevice) {
            if (name != null) {
                Checks.notEmpty("--name", name);
                return name;
            }
            if (base != null) {
                return baseDevice.name();
            }
            String file = out.getFileName().toString();
            int dot = file.lastIndexOf('.');
            return dot > 0 ? file.substring(0, dot) : file;
        }

        String citation(DeviceConfig baseDevice, String fitted) {
            if (citation != null) {
                return citation;
            }
            String kept = base == null ? "" : baseDevice.citation().trim();
            return kept.isEmpty() ? fitted : kept + " " + fitted;
        }
    }

    /** Runs a fit and maps bad data to exit code 3 with one message. */
    abstract static class FitCommand implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                fit();
                return ExitCodes.OK;
            } catch (CalibrationDataException e) {
                spec.commandLine().getErr().println("xbarlab: invalid data: " + e.getMessage());
                return ExitCodes.INVALID_CONFIG;
            }
        }

        abstract void fit();
    }

    /** {@code xbarlab calibrate pulse-response}. */
    @Command(name = "pulse-response", mixinStandardHelpOptions = true,
            description = {
                "Fits a pulse-response model to pulse-response cycles (the CSV of 'xbarlab devices pulse-response': "
                        + "device,cycle,pulse,direction,conductanceSiemens) by Levenberg-Marquardt, each pulse "
                        + "predicted from the reading before it. Prints each parameter with its standard error, the "
                        + "device-to-device and cycle-to-cycle spread, R² and RMSE, and writes the preset.",
            })
    static final class PulseResponse extends FitCommand {

        @Parameters(index = "0", paramLabel = "DATA.csv", description = "pulse-response cycles")
        Path data;

        @Option(names = "--model", defaultValue = "auto", paramLabel = "NAME",
                description = "auto (the smallest BIC among constant-step, linear-step, soft-bounds, exp-step, "
                        + "pow-step, neurosim-nonlinear) or one of " + "constant-step, ideal, ideal-levels, "
                        + "linear-step, soft-bounds, exp-step, pow-step, neurosim-nonlinear (default: "
                        + "${DEFAULT-VALUE})")
        String model;

        @Option(names = "--noise", defaultValue = "auto", paramLabel = "MODEL",
                description = "cycle-to-cycle noise: relative (to the step, aihwkit's dw_min_std), window (additive, "
                        + "NeuroSim's sigmaCtoC) or auto (the larger likelihood) (default: ${DEFAULT-VALUE})")
        String noise;

        @Option(names = "--no-device-to-device", negatable = true, defaultValue = "true",
                description = "fit each device separately and report the spread across devices (needs 2 devices "
                        + "or more; --no-device-to-device pools all readings into one fit) (default: on)")
        boolean deviceToDevice;

        @Mixin
        PresetOptions preset = new PresetOptions();

        @Override
        void fit() {
            preset.validate();
            PulseResponseOptions options = new PulseResponseOptions(model, deviceToDevice, NoiseModel.of(noise));
            DeviceConfig base = preset.base();
            PulseResponseData input = PulseResponseData.read(data);
            PulseResponseFit fit = PulseResponseCalibration.fit(input, options);
            String fitted = String.format(Locale.ROOT, "Fitted by xbarlab calibrate pulse-response from %s (SHA-256 "
                    + "%s; %d device(s), %d pulse observations): %s%s, %s cycle-to-cycle noise, R² of the steps "
                    + "%.4f.", data.getFileName(), sha256(data), fit.deviceCount(), fit.quality().observationCount(),
                    fit.model(), fit.variant().isEmpty() ? "" : " (" + fit.variant() + ")", fit.noise().label(),
                    fit.quality().rSquared());
            DeviceConfig device = fit.preset(base, preset.name(base), preset.citation(base, fitted));
            PrintWriter out = spec.commandLine().getOut();
            printPulseResponse(out, fit, options);
            writeOutputs(out, preset, device, fit.curves(), "pulse response, " + fit.model(),
                    () -> pulseReport(fit));
        }
    }

    /** {@code xbarlab calibrate drift}. */
    @Command(name = "drift", mixinStandardHelpOptions = true,
            description = {
                "Fits the power-law drift G(s) = G_prog ((s + t0)/t0)^-nu to each device of a drift file "
                        + "(device,timeSeconds,conductanceSiemens[,targetConductanceSiemens]), then the exponent's "
                        + "mean and spread across "
                        + "devices, constant (power-law) or log-linear in the conductance (pcm), and writes them into "
                        + "the preset's drift.",
            })
    static final class Drift extends FitCommand {

        @Parameters(index = "0", paramLabel = "DATA.csv", description = "drift readings")
        Path data;

        @Option(names = "--model", defaultValue = "auto", paramLabel = "MODEL",
                description = "power-law, pcm or auto (the smaller BIC; pcm needs 6 devices or more) (default: "
                        + "${DEFAULT-VALUE})")
        String model;

        @Option(names = "--reference-time-seconds", defaultValue = "20", paramLabel = "SECONDS",
                description = "t0 of the power law (s), > 0; aihwkit's PCM model uses 20 s (default: "
                        + "${DEFAULT-VALUE})")
        double referenceTimeSeconds;

        @Mixin
        PresetOptions preset = new PresetOptions();

        @Override
        void fit() {
            preset.validate();
            DriftModelChoice choice = DriftModelChoice.of(model);
            if (!(referenceTimeSeconds > 0 && Double.isFinite(referenceTimeSeconds))) {
                throw new IllegalArgumentException("--reference-time-seconds must be positive and finite, got "
                        + referenceTimeSeconds);
            }
            DeviceConfig base = preset.base();
            DriftData input = DriftData.read(data);
            DriftFit fit = DriftCalibration.fit(input, new DriftOptions(choice, referenceTimeSeconds,
                    base.maxConductanceSiemens()));
            String fitted = String.format(Locale.ROOT, "Drift fitted by xbarlab calibrate drift from %s (SHA-256 %s; "
                    + "%d devices): %s.", data.getFileName(), sha256(data), fit.devices().size(), fit.model());
            DeviceConfig device = fit.applyTo(base).withName(preset.name(base))
                    .withCitation(preset.citation(base, fitted));
            PrintWriter out = spec.commandLine().getOut();
            printDrift(out, fit, base);
            writeOutputs(out, preset, device, fit.curves(), "drift, " + fit.model(), () -> driftReport(fit));
        }
    }

    /** {@code xbarlab calibrate programming}. */
    @Command(name = "programming", mixinStandardHelpOptions = true,
            description = {
                "Fits programming noise sigma(G) = c0 + c1 x + c2 x² + ..., x = target / gMax (aihwkit's PCM form) "
                        + "to one-shot writes (device,targetConductanceSiemens,achievedConductanceSiemens) and writes "
                        + "it into the preset's programming noise; gMax is the preset's maximum conductance.",
            })
    static final class Programming extends FitCommand {

        @Parameters(index = "0", paramLabel = "DATA.csv", description = "programming results")
        Path data;

        @Option(names = "--degree", defaultValue = "2", paramLabel = "D",
                description = "degree of the polynomial, 0 to " + ProgrammingNoiseCalibration.MAX_DEGREE
                        + " (default: ${DEFAULT-VALUE}, as aihwkit's PCM fit)")
        int degree;

        @Mixin
        PresetOptions preset = new PresetOptions();

        @Override
        void fit() {
            preset.validate();
            if (degree < 0 || degree > ProgrammingNoiseCalibration.MAX_DEGREE) {
                throw new IllegalArgumentException("--degree must be in [0, " + ProgrammingNoiseCalibration.MAX_DEGREE
                        + "], got " + degree);
            }
            DeviceConfig base = preset.base();
            ProgrammingData input = ProgrammingData.read(data);
            ProgrammingNoiseFit fit = ProgrammingNoiseCalibration.fit(input, degree, base.maxConductanceSiemens());
            String fitted = String.format(Locale.ROOT, "Programming noise fitted by xbarlab calibrate programming "
                    + "from %s (SHA-256 %s; %d writes): degree-%d polynomial.", data.getFileName(), sha256(data),
                    fit.writeCount(), degree);
            DeviceConfig device = fit.applyTo(base).withName(preset.name(base))
                    .withCitation(preset.citation(base, fitted));
            PrintWriter out = spec.commandLine().getOut();
            printProgramming(out, fit, base);
            writeOutputs(out, preset, device, fit.curves(), "programming noise", () -> programmingReport(fit));
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // printing

    private static void printPulseResponse(PrintWriter out, PulseResponseFit fit, PulseResponseOptions options) {
        out.printf(Locale.ROOT, "xbarlab calibrate pulse-response: %s, %d device(s), %d pulse observations%n",
                fit.source(), fit.deviceCount(), fit.quality().observationCount());
        if (fit.comparison().size() > 1) {
            out.println("model choice by BIC (smaller is better; k = fitted numbers):");
            out.printf(Locale.ROOT, "  %-20s %14s %9s %5s %10s%n", "model", "BIC", "dBIC", "k", "R² steps");
            for (ModelScore score : fit.comparison()) {
                if (score.quality() == null) {
                    out.printf(Locale.ROOT, "  %-20s failed: %s%n", score.model(), score.failure());
                    continue;
                }
                FitQuality q = score.quality();
                out.printf(Locale.ROOT, "  %-20s %14.1f %9.1f %5d %10.4f%s%n", score.model(), q.bic(),
                        q.bic() - fit.quality().bic(), q.parameterCount(), q.rSquared(),
                        score.model().equals(fit.model()) ? "  <- chosen" : "");
            }
        }
        out.printf(Locale.ROOT, "model %s%s, cycle-to-cycle noise %s%s%n", fit.model(),
                fit.variant().isEmpty() ? "" : " (" + fit.variant() + ")", fit.noise().label(),
                options.noise() == NoiseModel.AUTO ? " (chosen by likelihood)" : "");
        out.println(fit.deviceToDevice()
                ? "parameters (mean over " + fit.devices().size() + " devices ± standard error of the mean):"
                : "parameters (± standard error from the Jacobian):");
        printParameters(out, fit.parameters());
        VariationConfig v = fit.variation();
        if (fit.deviceToDevice()) {
            out.printf(Locale.ROOT, "device-to-device: stepDeviceToDeviceRelative %.4g, upDownDeviceToDevice %.4g, "
                    + "maxBoundDeviceToDeviceRelative %.4g, minBoundDeviceToDeviceRelative %.4g, "
                    + "nonlinearityDeviceToDevice %.4g%n", v.stepDeviceToDeviceRelative(), v.upDownDeviceToDevice(),
                    v.maxBoundDeviceToDeviceRelative(), v.minBoundDeviceToDeviceRelative(),
                    v.nonlinearityDeviceToDevice());
        }
        out.printf(Locale.ROOT, "cycle-to-cycle: %s %.4g%n", fit.noise() == NoiseModel.RELATIVE
                ? "cycleToCycleRelative" : "cycleToCycleWindowFraction", fit.cycleToCycle());
        FitQuality q = fit.quality();
        out.printf(Locale.ROOT, "fit: R² %.4f (one-pulse steps), RMSE %s, R² %.4f (simulated traces), AIC %.1f, "
                + "BIC %.1f%n", q.rSquared(), Units.format(q.rootMeanSquareError(), "S"), fit.trajectoryRSquared(),
                q.aic(), q.bic());
        printWarnings(out, fit.warnings());
    }

    private static void printDrift(PrintWriter out, DriftFit fit, DeviceConfig base) {
        out.printf(Locale.ROOT, "xbarlab calibrate drift: %s, %d devices, gMax %s%n", fit.source(),
                fit.devices().size(), Units.format(base.maxConductanceSiemens(), "S"));
        if (fit.comparison().size() > 1) {
            for (DriftFit.DriftScore score : fit.comparison()) {
                out.printf(Locale.ROOT, "  %-10s BIC %10.2f%s%n", score.model(), score.quality().bic(),
                        score.model().equals(fit.model()) ? "  <- chosen" : "");
            }
        }
        out.printf(Locale.ROOT, "model %s (exponent distribution over the devices ± standard error):%n",
                fit.model());
        printParameters(out, fit.parameters());
        out.printf(Locale.ROOT, "fit: R² %.4f (ln G of every reading against its device's power law)%n",
                fit.readingsRSquared());
        printWarnings(out, fit.warnings());
    }

    private static void printProgramming(PrintWriter out, ProgrammingNoiseFit fit, DeviceConfig base) {
        out.printf(Locale.ROOT, "xbarlab calibrate programming: %s, %d writes, gMax %s%n", fit.source(),
                fit.writeCount(), Units.format(base.maxConductanceSiemens(), "S"));
        out.println("sigma(G) = sum c_k (G / gMax)^k (± standard error):");
        printParameters(out, fit.parameters());
        double gMax = base.maxConductanceSiemens();
        out.printf(Locale.ROOT, "sigma at 0, gMax/2, gMax: %s, %s, %s%n",
                Units.format(fit.sigmaSiemens(0, gMax), "S"), Units.format(fit.sigmaSiemens(gMax / 2, gMax), "S"),
                Units.format(fit.sigmaSiemens(gMax, gMax), "S"));
        out.println("writes by target: mean target, writes, RMS error ± standard error, fitted sigma:");
        for (ProgrammingNoiseFit.SigmaBin bin : fit.bins()) {
            out.printf(Locale.ROOT, "  %-10s %5d  %s ± %s  %s%n", Units.format(bin.targetSiemens(), "S"),
                    bin.writeCount(), Units.format(bin.rmsErrorSiemens(), "S"),
                    Units.format(bin.rmsErrorStandardError(), "S"), Units.format(bin.fittedSigmaSiemens(), "S"));
        }
        out.printf(Locale.ROOT, "fit: R² %.4f (|error| against sqrt(2/pi) sigma), AIC %.1f, BIC %.1f%n",
                fit.quality().rSquared(), fit.quality().aic(), fit.quality().bic());
        printWarnings(out, fit.warnings());
    }

    private static void printParameters(PrintWriter out, List<FitParameter> parameters) {
        for (FitParameter p : parameters) {
            out.printf(Locale.ROOT, "  %-30s %s%n", p.name(), valueWithError(p));
        }
    }

    /** {@code 1.23 µS ± 4.56 nS} for siemens, {@code 0.6058 ± 0.0075} for numbers, {@code n/a} for no error. */
    static String valueWithError(FitParameter p) {
        String error = p.determined() ? null : "n/a";
        if (error == null && !(p.standardError() > 1e-9 * Math.abs(p.value()))) {
            error = "0"; // exact to rounding: a window end read from the data, equal on every device
        }
        if (p.unit().isEmpty()) {
            // Whole-number parameters (level counts) are written as whole numbers.
            String format = p.name().endsWith("Count") ? "%.0f ± %s" : "%.6g ± %s";
            return String.format(Locale.ROOT, format, p.value(),
                    error != null ? error : String.format(Locale.ROOT, "%.3g", p.standardError()));
        }
        return Units.format(p.value(), p.unit()) + " ± "
                + (error != null ? error : Units.format(p.standardError(), p.unit()));
    }

    private static void printWarnings(PrintWriter out, List<String> warnings) {
        for (String warning : warnings) {
            out.println("warning: " + warning);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // files

    /** Writes the preset, then the figure and the report when asked, and says where each went. */
    private static void writeOutputs(PrintWriter out, PresetOptions preset, DeviceConfig device, FitCurves curves,
                                     String title, java.util.function.Supplier<ObjectNode> report) {
        PresetFiles.write(preset.out, device);
        out.printf(Locale.ROOT, "wrote preset %s to %s%n", device.name(), preset.out.toAbsolutePath());
        if (preset.figure != null) {
            CalibrationFitFigure.write(curves, title, preset.figure);
            out.printf(Locale.ROOT, "figure: %s%n", preset.figure.toAbsolutePath());
        }
        if (preset.report != null) {
            AtomicFiles.writeString(preset.report, ConfigMapper.writeJson(report.get()) + "\n");
            out.printf(Locale.ROOT, "report: %s%n", preset.report.toAbsolutePath());
        }
    }

    private static ObjectNode pulseReport(PulseResponseFit fit) {
        ObjectNode json = ConfigMapper.jsonMapper().createObjectNode();
        json.put("command", "calibrate pulse-response");
        json.put("source", fit.source());
        json.put("model", fit.model());
        json.put("variant", fit.variant());
        json.put("noise", fit.noise().label());
        json.put("deviceCount", fit.deviceCount());
        json.set("parameters", ConfigMapper.valueToTree(fit.parameters()));
        json.put("cycleToCycle", fit.cycleToCycle());
        json.put("minConductanceSiemens", fit.minConductanceSiemens());
        json.put("maxConductanceSiemens", fit.maxConductanceSiemens());
        json.set("response", ConfigMapper.valueToTree(fit.response()));
        json.set("variation", ConfigMapper.valueToTree(fit.variation()));
        json.set("quality", ConfigMapper.valueToTree(fit.quality()));
        json.put("trajectoryRSquared", fit.trajectoryRSquared());
        json.set("devices", ConfigMapper.valueToTree(fit.devices()));
        json.set("comparison", ConfigMapper.valueToTree(fit.comparison()));
        json.set("warnings", ConfigMapper.valueToTree(fit.warnings()));
        return json;
    }

    private static ObjectNode driftReport(DriftFit fit) {
        ObjectNode json = ConfigMapper.jsonMapper().createObjectNode();
        json.put("command", "calibrate drift");
        json.put("source", fit.source());
        json.put("model", fit.model());
        json.set("parameters", ConfigMapper.valueToTree(fit.parameters()));
        json.set("drift", ConfigMapper.valueToTree(fit.drift()));
        json.set("quality", ConfigMapper.valueToTree(fit.quality()));
        json.put("readingsRSquared", fit.readingsRSquared());
        json.set("devices", ConfigMapper.valueToTree(fit.devices()));
        ArrayNode comparison = json.putArray("comparison");
        for (DriftFit.DriftScore score : fit.comparison()) {
            comparison.add(ConfigMapper.valueToTree(score));
        }
        json.set("warnings", ConfigMapper.valueToTree(fit.warnings()));
        return json;
    }

    private static ObjectNode programmingReport(ProgrammingNoiseFit fit) {
        ObjectNode json = ConfigMapper.jsonMapper().createObjectNode();
        json.put("command", "calibrate programming");
        json.put("source", fit.source());
        json.put("writeCount", fit.writeCount());
        json.set("parameters", ConfigMapper.valueToTree(fit.parameters()));
        json.set("noise", ConfigMapper.valueToTree(fit.noise()));
        json.set("bins", ConfigMapper.valueToTree(fit.bins()));
        json.set("quality", ConfigMapper.valueToTree(fit.quality()));
        json.set("warnings", ConfigMapper.valueToTree(fit.warnings()));
        return json;
    }

    /** The first 12 hex digits of a file's SHA-256, for the preset's citation. */
    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file))).substring(0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
