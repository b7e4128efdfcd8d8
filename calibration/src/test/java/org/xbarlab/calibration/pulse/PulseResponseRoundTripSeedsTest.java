package org.xbarlab.calibration.pulse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.devices.config.DeviceConfig;

/**
 * {@link PulseResponseRoundTripTest} over seeds 1 to 10 for every model: the largest |estimate - truth| / standard
 * error over all parameters and seeds, and the range of the recovered cycle-to-cycle noise over its truth. Writes the
 * table of docs/calibration.md ("Validation") to {@code calibration/target/calibration-round-trips.md}. Slow (about a
 * minute): {@code mvn -B -o -pl calibration test -Pslow -Dtest=PulseResponseRoundTripSeedsTest}.
 */
@Tag("slow")
class PulseResponseRoundTripSeedsTest extends XbarlabTestBase {

    static final int SEEDS = 10;

    @Test
    void everyModelComesBackOverTenSeeds() throws IOException {
        StringBuilder table = new StringBuilder("| model | largest abs(error) / standard error | cycle-to-cycle "
                + "noise found / true |\n|---|---|---|\n");
        for (String model : PulseResponseCalibration.MODELS) {
            double worst = 0;
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (long seed = 1; seed <= SEEDS; seed++) {
                DeviceConfig truth = PulseResponseFixtures.device(PulseResponseFixtures.response(model),
                        PulseResponseRoundTripTest.noise(model));
                PulseResponseFit fit = PulseResponseCalibration.fit(PulseResponseFixtures.data(truth,
                        PulseResponseFixtures.pulses(model), PulseResponseRoundTripTest.CYCLES,
                        PulseResponseRoundTripTest.DEVICES, seed),
                        PulseResponseOptions.defaults().withModel(model).withDeviceToDevice(false));
                double[] expected = PulseResponseRoundTripTest.expected(truth);
                for (int j = 0; j < expected.length; j++) {
                    FitParameter p = fit.parameter(PulseResponseCalibration.parameterNames(model).get(j));
                    if (p.standardError() > 0) {
                        worst = Math.max(worst, Math.abs(p.value() - expected[j]) / p.standardError());
                    }
                }
                double sigma = model.equals("neurosim-nonlinear") ? PulseResponseRoundTripTest.WINDOW_NOISE
                        : PulseResponseRoundTripTest.RELATIVE_NOISE;
                low = Math.min(low, fit.cycleToCycle() / sigma);
                high = Math.max(high, fit.cycleToCycle() / sigma);
            }
            boolean noiseFree = model.equals("ideal-levels");
            table.append(String.format(Locale.ROOT, "| `%s` | %s | %s |%n", model,
                    noiseFree ? "exact (noise-free data)" : String.format(Locale.ROOT, "%.2f", worst),
                    noiseFree ? "-" : String.format(Locale.ROOT, "%.3f to %.3f", low, high)));
            assertTrue(worst < 5, model + ": largest error " + worst + " standard errors");
        }
        Path out = Path.of("target", "calibration-round-trips.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
    }
}
