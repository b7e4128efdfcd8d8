package org.xbarlab.devices.drift;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.devices.noise.PcmModel;
import org.xbarlab.devices.noise.PcmReadNoiseConfig;
import org.xbarlab.devices.noise.PolynomialProgrammingNoiseConfig;
import org.xbarlab.devices.noise.ProgrammingNoise;
import org.xbarlab.devices.noise.ReadNoise;
import org.xbarlab.devices.noise.SampleMoments;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Regenerates the table "simulated vs closed form" of {@code docs/devices-noise-drift.md}: the PCM model with
 * aihwkit's defaults at gMax = 25 µS, {@value #SAMPLES} devices per row, seed {@link #TEST_SEED}. It asserts every
 * row within {@link SampleMoments#SIGMAS} standard errors and writes the Markdown rows to
 * {@code devices/target/devices-noise-drift-table.md}.
 *
 * <p>Run: {@code mvn -B -o -pl devices test -Pslow -Dtest=NoiseDriftTableTest}.
 */
@Tag("slow")
class NoiseDriftTableTest extends XbarlabTestBase {

    private static final double G_MAX = 25e-6;
    private static final int SAMPLES = 1_000_000;
    private static final double HOUR = 3600;
    private static final double DAY = 86400;
    private static final double YEAR = 365.25 * DAY;

    private final StringBuilder table = new StringBuilder();

    @Test
    void writeTable() throws IOException {
        table.append("| quantity | condition | simulated (± 5 standard errors) | closed form |\n")
                .append("|---|---|---|---|\n");
        float[] scratch = new float[SAMPLES];
        ProgrammingNoise programming = ProgrammingNoise.from(PolynomialProgrammingNoiseConfig.defaults(), G_MAX);
        for (double g : new double[] {5e-6, 10e-6, 20.94e-6, 25e-6}) {
            float[] out = filled(g);
            programming.apply(out, 0, SAMPLES, out, 0, stream("programming", g), scratch);
            SampleMoments m = SampleMoments.of(out);
            row("σ_prog (µS)", "g_T = " + micro(g) + " µS", m.standardDeviation() * 1e6,
                    m.standardDeviationBound() * 1e6, PcmModel.programmingSigmaSiemens(g, G_MAX) * 1e6);
        }
        Drift drift = Drift.from(PcmDriftConfig.defaults(), G_MAX);
        for (double x : new double[] {0.02, 0.1, 0.5, 1.0}) {
            float[] target = filled(x * G_MAX);
            float[] nu = new float[SAMPLES];
            drift.sampleExponents(target, 0, SAMPLES, nu, 0, stream("drift", x), scratch);
            SampleMoments m = SampleMoments.of(nu);
            row("E[ν]", "g_T = " + micro(x * G_MAX) + " µS", m.mean(), m.meanBound(),
                    PcmModel.expectedDriftExponent(x));
            float[] ones = filled(1.0);
            float[] factor = new float[SAMPLES];
            for (double s : new double[] {HOUR, DAY, YEAR}) {
                drift.apply(ones, nu, 0, SAMPLES, s, factor, 0);
                SampleMoments f = SampleMoments.of(factor);
                row("E[G(s)/G_prog]", "g_T = " + micro(x * G_MAX) + " µS, s = " + time(s), f.mean(),
                        f.meanBound(), PcmModel.meanDriftFactor(x, s));
            }
        }
        ReadNoise read = ReadNoise.from(PcmReadNoiseConfig.defaults(), G_MAX);
        for (double x : new double[] {0.2, 1.0}) {
            for (double s : new double[] {0, DAY, YEAR}) {
                float[] g = filled(x * G_MAX);
                float[] reads = new float[SAMPLES];
                read.apply(g, g, 0, SAMPLES, s, reads, 0, stream("read", x + s), scratch);
                SampleMoments m = SampleMoments.of(reads);
                double scale = 1 / (x * G_MAX);
                row("σ_read / G", "G = G_prog = " + micro(x * G_MAX) + " µS, s = " + time(s),
                        m.standardDeviation() * scale, m.standardDeviationBound() * scale,
                        PcmModel.readNoiseRelativeSigma(x * G_MAX, G_MAX, s));
            }
        }
        Path file = Path.of("target", "devices-noise-drift-table.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, table.toString(), StandardCharsets.UTF_8);
    }

    private void row(String quantity, String condition, double simulated, double bound, double closedForm) {
        assertEquals(closedForm, simulated, bound, quantity + " at " + condition + ", seed " + TEST_SEED);
        table.append(String.format(Locale.ROOT, "| %s | %s | %.5f ± %.5f | %.5f |%n", quantity, condition,
                simulated, bound, closedForm));
    }

    private static float[] filled(double value) {
        float[] a = new float[SAMPLES];
        Arrays.fill(a, (float) value);
        return a;
    }

    private static UniformRandomProvider stream(String name, double key) {
        return RngStreams.of(TEST_SEED).stream("docs/" + name, Double.doubleToLongBits(key));
    }

    private static String micro(double siemens) {
        return String.format(Locale.ROOT, "%.2f", siemens * 1e6);
    }

    private static String time(double seconds) {
        return seconds == 0 ? "0" : seconds == HOUR ? "1 h" : seconds == DAY ? "1 day" : "1 year";
    }
}
