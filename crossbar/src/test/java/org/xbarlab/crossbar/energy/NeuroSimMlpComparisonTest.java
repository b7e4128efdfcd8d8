package org.xbarlab.crossbar.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.cost.CostLedger;
import org.xbarlab.core.cost.Phase;

/**
 * Computes our side of the comparison with NeuroSim MLP V3.0's published figures for its default 400-100-10 MLP
 * chip (neurosim.md sections 1.8 and 2) and writes it to {@code target/energy-latency/neurosim-comparison.md}, from
 * which {@code docs/energy-latency.md} quotes. Run with
 * {@code mvn -B -q -o -pl crossbar test -Pslow -Dtest=NeuroSimMlpComparisonTest}.
 *
 * <p>The workload, all from neurosim.md: 125 epochs × 8000 training images = 10^6 images; per image one forward
 * product through the input-hidden array (400 rows × 100 columns + 2 reference columns) with 1-bit inputs, 100 of
 * 400 pixels active on average (MNIST 20×20 crops), and one through the hidden-output array (100 × 10 + 2 reference
 * columns) with 1-bit hidden activations, counted all active (an upper bound: the activity is not published);
 * 8-bit read-out with 16 columns per read circuit; Ag:a-Si cells, every cell taken at the middle of the window
 * (Gmin 3.0769 nS, Gmax 38.462 nS); read 0.5 V. NeuroSim's printed read figures are training-only forward passes;
 * backpropagation runs in software, so no transposed product is charged.
 */
@Tag("slow")
class NeuroSimMlpComparisonTest extends XbarlabTestBase {

    private static final long TRAINING_IMAGES = 125L * 8000L;
    private static final double MIN_CONDUCTANCE_SIEMENS = 3.0769e-9;
    private static final double MAX_CONDUCTANCE_SIEMENS = 3.8462e-8;
    private static final double MEAN_CONDUCTANCE_SIEMENS = (MIN_CONDUCTANCE_SIEMENS + MAX_CONDUCTANCE_SIEMENS) / 2;
    /** Ag:a-Si write pulses: +3.2 V / 300 µs (LTP), −2.8 V / 300 µs (LTD); neurosim.md sections 1.6 and 1.8. */
    private static final WritePulse LTP = WritePulse.of(3.2, 300e-6);
    private static final WritePulse LTD = WritePulse.of(-2.8, 300e-6);

    /** NeuroSim's published totals for Ag:a-Si (manual Table 2, neurosim.md section 1.8). */
    private static final double NEUROSIM_READ_LATENCY_SECONDS = 7.2030e-2;
    private static final double NEUROSIM_WRITE_LATENCY_SECONDS = 3.1997e4;
    private static final double NEUROSIM_READ_ENERGY_JOULES = 4.1964e-4;
    private static final double NEUROSIM_WRITE_ENERGY_JOULES = 1.3019e-2;

    private static CostLedger readLedger(TechnologyConfig technology) {
        TileCostModel model = TileCostModel.from(technology);
        MvmPrecision precision = MvmPrecision.parallel(1, 8);
        CostLedger ledger = new CostLedger();
        model.chargeMvm(ledger, Phase.TRAINING, TRAINING_IMAGES, 400, 102, precision,
                ArrayReadActivity.uniform(TRAINING_IMAGES, 400, 102, precision, 100.0 / 400.0,
                        MEAN_CONDUCTANCE_SIEMENS));
        model.chargeMvm(ledger, Phase.TRAINING, TRAINING_IMAGES, 100, 12, precision,
                ArrayReadActivity.uniform(TRAINING_IMAGES, 100, 12, precision, 1.0, MEAN_CONDUCTANCE_SIEMENS));
        return ledger;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4g", value);
    }

    @Test
    void writeComparisonTable() throws IOException {
        TechnologyConfig defaults = TechnologyConfig.defaults();
        TechnologyConfig neuroSim = TechnologyConfig.neuroSimMlpV3();
        CostLedger ours = readLedger(defaults);
        CostLedger oursNeuroSimConstants = readLedger(neuroSim);

        StringBuilder out = new StringBuilder();
        out.append("# NeuroSim MLP V3.0 (400-100-10, Ag:a-Si) vs xbarlab, training reads over ")
                .append(TRAINING_IMAGES).append(" images\n\n");
        out.append("| quantity | NeuroSim published | xbarlab, defaults() | xbarlab, neuroSimMlpV3() |\n");
        out.append("|---|---|---|---|\n");
        out.append("| read energy (J) | ").append(format(NEUROSIM_READ_ENERGY_JOULES)).append(" | ")
                .append(format(ours.energyJoules(Phase.TRAINING))).append(" | ")
                .append(format(oursNeuroSimConstants.energyJoules(Phase.TRAINING))).append(" |\n");
        out.append("| read latency (s) | ").append(format(NEUROSIM_READ_LATENCY_SECONDS)).append(" | ")
                .append(format(ours.latencySeconds(Phase.TRAINING))).append(" | ")
                .append(format(oursNeuroSimConstants.latencySeconds(Phase.TRAINING))).append(" |\n");
        out.append("| read energy per image (J) | ").append(format(NEUROSIM_READ_ENERGY_JOULES / TRAINING_IMAGES))
                .append(" | ").append(format(ours.energyJoules(Phase.TRAINING) / TRAINING_IMAGES)).append(" | ")
                .append(format(oursNeuroSimConstants.energyJoules(Phase.TRAINING) / TRAINING_IMAGES)).append(" |\n");
        out.append("| read latency per image (s) | ")
                .append(format(NEUROSIM_READ_LATENCY_SECONDS / TRAINING_IMAGES)).append(" | ")
                .append(format(ours.latencySeconds(Phase.TRAINING) / TRAINING_IMAGES)).append(" | ")
                .append(format(oursNeuroSimConstants.latencySeconds(Phase.TRAINING) / TRAINING_IMAGES))
                .append(" |\n");
        out.append("| NeuroSim read energy minus ours (J): what our model leaves out | — | ")
                .append(format(NEUROSIM_READ_ENERGY_JOULES - ours.energyJoules(Phase.TRAINING))).append(" | ")
                .append(format(NEUROSIM_READ_ENERGY_JOULES - oursNeuroSimConstants.energyJoules(Phase.TRAINING)))
                .append(" |\n");
        for (CostComponent component : CostComponent.values()) {
            if (component == CostComponent.WRITE_PULSES) {
                continue;
            }
            double a = ours.account(Phase.TRAINING, component.key()).energyJoules();
            double b = oursNeuroSimConstants.account(Phase.TRAINING, component.key()).energyJoules();
            double la = ours.account(Phase.TRAINING, component.key()).latencySeconds();
            double lb = oursNeuroSimConstants.account(Phase.TRAINING, component.key()).latencySeconds();
            out.append("| ").append(component.key()).append(" energy (J) / latency (s) | not published | ")
                    .append(format(a)).append(" / ").append(format(la)).append(" | ")
                    .append(format(b)).append(" / ").append(format(lb)).append(" |\n");
        }
        out.append('\n');

        TileCostModel model = TileCostModel.from(defaults);
        double ltpInputHidden = model.writePulseEnergyJoules(LTP, MEAN_CONDUCTANCE_SIEMENS, 400);
        double ltdInputHidden = model.writePulseEnergyJoules(LTD, MEAN_CONDUCTANCE_SIEMENS, 400);
        double ltpHiddenOutput = model.writePulseEnergyJoules(LTP, MEAN_CONDUCTANCE_SIEMENS, 100);
        double ltdHiddenOutput = model.writePulseEnergyJoules(LTD, MEAN_CONDUCTANCE_SIEMENS, 100);
        out.append("| write quantity | value |\n|---|---|\n");
        out.append("| energy of one LTP pulse, 400-row array (J) | ").append(format(ltpInputHidden)).append(" |\n");
        out.append("| energy of one LTD pulse, 400-row array (J) | ").append(format(ltdInputHidden)).append(" |\n");
        out.append("| energy of one LTP pulse, 100-row array (J) | ").append(format(ltpHiddenOutput)).append(" |\n");
        out.append("| energy of one LTD pulse, 100-row array (J) | ").append(format(ltdHiddenOutput)).append(" |\n");
        out.append("| latency of one pulse slot (s) | ").append(format(LTP.durationSeconds())).append(" |\n");
        out.append("| NeuroSim write energy / LTP pulse energy (400 rows) = implied pulses | ")
                .append(format(NEUROSIM_WRITE_ENERGY_JOULES / ltpInputHidden)).append(" |\n");
        out.append("| NeuroSim write energy / LTD pulse energy (400 rows) = implied pulses | ")
                .append(format(NEUROSIM_WRITE_ENERGY_JOULES / ltdInputHidden)).append(" |\n");
        out.append("| NeuroSim write latency / slot = implied pulse slots | ")
                .append(format(NEUROSIM_WRITE_LATENCY_SECONDS / LTP.durationSeconds())).append(" |\n");
        out.append("| implied pulse slots per training image | ")
                .append(format(NEUROSIM_WRITE_LATENCY_SECONDS / LTP.durationSeconds() / TRAINING_IMAGES))
                .append(" |\n");

        out.append("\n| defaults() unit cost | bits = 1 | 4 | 6 | 8 | 10 |\n|---|---|---|---|---|---|\n");
        int[] bits = {1, 4, 6, 8, 10};
        StringBuilder adcEnergy = new StringBuilder("| ADC energy per conversion (J) |");
        StringBuilder adcTime = new StringBuilder("| ADC conversion time (s) |");
        StringBuilder dacEnergy = new StringBuilder("| DAC energy per conversion (J) |");
        for (int b : bits) {
            adcEnergy.append(' ').append(format(defaults.adcEnergyPerConversionJoules(b))).append(" |");
            adcTime.append(' ').append(format(defaults.adcConversionTimeSeconds(b))).append(" |");
            dacEnergy.append(' ').append(format(defaults.dacEnergyPerConversionJoules(b))).append(" |");
        }
        out.append(adcEnergy).append('\n').append(adcTime).append('\n').append(dacEnergy).append('\n');

        Path directory = Path.of("target", "energy-latency");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("neurosim-comparison.md"), out.toString(), StandardCharsets.UTF_8);

        // With NeuroSim's constants the ADC energy is exactly its read-circuit figure times the conversions.
        double conversions = (double) TRAINING_IMAGES * (102 + 12);
        assertEquals(conversions * 1.346e-12,
                oursNeuroSimConstants.account(Phase.TRAINING, CostComponent.ADC.key()).energyJoules(),
                conversions * 1.346e-12 * 1e-12);
    }
}
