package org.xbarlab.calibration.pulse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.DevicePopulation;
import org.xbarlab.devices.config.DeviceConfig;

/**
 * The calibration's double-precision copy of each pulse-response model against the devices module's own kernels
 * (float): random legal parameters, random readings inside the window, one pulse each way. They must agree to float
 * rounding, {@value PulseResponseCalibration#CHECK_ULPS} ulps of the window's top plus 1e-4 of the step.
 */
class PulseModelMatchesDevicesTest extends XbarlabTestBase {

    private static final int PARAMETER_SETS = 25;
    private static final int READINGS = 200;

    static List<String> models() {
        return PulseResponseCalibration.MODELS;
    }

    /** Random parameters of a model for a window [low, high] (S), made legal by the model. */
    private static double[] randomParameters(PulseModel model, SplittableRandom random, double low, double high) {
        double window = high - low;
        double step = window * (0.002 + 0.05 * random.nextDouble());
        double other = step * (0.5 + random.nextDouble());
        double[] p = switch (model.name()) {
            case "constant-step", "ideal", "ideal-levels" -> new double[] {step, other};
            case "linear-step" -> new double[] {step, other, 2 * random.nextDouble(), 2 * random.nextDouble()};
            case "soft-bounds" -> new double[] {low, high, step, other};
            case "exp-step" -> new double[] {step, other, random.nextDouble() - 0.3, random.nextDouble() - 0.3,
                6 * random.nextDouble(), 6 * random.nextDouble()};
            case "pow-step" -> new double[] {low, high, step, other, 0.2 + 3 * random.nextDouble(),
                0.2 + 3 * random.nextDouble()};
            case "neurosim-nonlinear" -> new double[] {10 + random.nextInt(200), 10 + random.nextInt(200),
                18 * random.nextDouble() - 9, 18 * random.nextDouble() - 9};
            default -> throw new IllegalArgumentException(model.name());
        };
        return model.legalize(p, low, high);
    }

    @ParameterizedTest
    @MethodSource("models")
    void oneStepMapsAgreeWithTheDevicesModule(String name) {
        SplittableRandom random = new SplittableRandom(TEST_SEED + name.hashCode());
        for (PulseModel model : PulseResponseCalibration.model(name).variants()) {
            for (int set = 0; set < PARAMETER_SETS; set++) {
                double low = 1e-7 + 20e-6 * random.nextDouble();
                double high = low + 1e-6 + 40e-6 * random.nextDouble();
                double[] p = randomParameters(model, random, low, high);
                double windowLow = model.fitsWindow() ? p[0] : low;
                double windowHigh = model.fitsWindow() ? p[1] : high;
                DeviceConfig device = PulseResponseCalibration.unitDevice(model, p, windowLow, windowHigh, low, high);
                RngStreams streams = RngStreams.of(TEST_SEED);
                DevicePopulation population = DevicePopulation.create(device, 2 * READINGS, streams, 0);
                float[] targets = new float[2 * READINGS];
                int[] pulses = new int[2 * READINGS];
                for (int i = 0; i < READINGS; i++) {
                    float g = (float) (windowLow + (windowHigh - windowLow) * random.nextDouble());
                    targets[2 * i] = g;
                    targets[2 * i + 1] = g;
                    pulses[2 * i] = 1;
                    pulses[2 * i + 1] = -1;
                }
                var cycle = streams.stream(StreamNames.DEVICES_CYCLE, 0);
                population.program(targets, 0, 0, targets.length, cycle);
                float[] before = new float[targets.length];
                population.conductances(0, before.length, before, 0);
                population.applyPulses(pulses, 0, 0, pulses.length, cycle);
                float[] after = new float[targets.length];
                population.conductances(0, after.length, after, 0);
                PulseModel.Response map = model.finalResponse(p, low, high);
                double ulp = Math.ulp((float) windowHigh);
                for (int i = 0; i < targets.length; i++) {
                    double expected = map.next(before[i], pulses[i] > 0);
                    double tolerance = PulseResponseCalibration.CHECK_ULPS * ulp
                            + PulseResponseCalibration.CHECK_RELATIVE_TOLERANCE * Math.abs(expected - before[i]);
                    assertEquals(expected, after[i], tolerance, () -> name + " " + model.variant() + " parameters "
                            + java.util.Arrays.toString(p) + " window [" + windowLow + ", " + windowHigh + "]");
                }
            }
        }
    }
}
