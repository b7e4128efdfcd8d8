package org.xbarlab.calibration.pulse;

import org.xbarlab.calibration.data.PulseResponseData;
import org.xbarlab.devices.DeviceExperiments;
import org.xbarlab.devices.PulseResponseTrace;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.response.ConstantStepResponseConfig;
import org.xbarlab.devices.response.ExponentialStepResponseConfig;
import org.xbarlab.devices.response.IdealResponseConfig;
import org.xbarlab.devices.response.LinearStepResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;
import org.xbarlab.devices.response.PowerStepResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;
import org.xbarlab.devices.response.QuantizedResponseConfig;
import org.xbarlab.devices.response.SoftBoundsResponseConfig;

/**
 * Known devices for round trips, and the pulse-response CSV that {@code xbarlab devices pulse-response} writes for
 * them (the same format, built here from {@link DeviceExperiments#pulseResponse} so the tests need no command line).
 */
final class PulseResponseFixtures {

    private PulseResponseFixtures() {
    }

    /** A device with a 1 to 21 uS window, the given response and variation. */
    static DeviceConfig device(PulseResponseConfig response, VariationConfig variation) {
        return DeviceConfig.defaults().withName("truth").withWindow(1e-6, 21e-6).withResponse(response)
                .withVariation(variation);
    }

    /** The known response of each model, chosen to be well determined by 2 cycles of the given pulse counts. */
    static PulseResponseConfig response(String model) {
        return switch (model) {
            case "constant-step" -> new ConstantStepResponseConfig(0.01, -1, 1, 0.2);
            case "ideal" -> new IdealResponseConfig(200, -0.15);
            case "ideal-levels" -> new QuantizedResponseConfig(101, 1, 2);
            case "linear-step" -> new LinearStepResponseConfig(0.01, -1, 1, 0.1, 0.6, 0.3, false, true);
            case "soft-bounds" -> new SoftBoundsResponseConfig(0.02, -1, 1, -0.2, true);
            case "exp-step" -> new ExponentialStepResponseConfig(0.012, -1, 1, 0, 0.1, 0.15, 2, 1.5, 1, 0, 0, 0);
            case "pow-step" -> new PowerStepResponseConfig(0.02, -1, 1, 0.1, 1.5, 0.2, 0);
            case "neurosim-nonlinear" -> new NeuroSimNonlinearResponseConfig(120, 90, 2.4, -3.0);
            default -> throw new IllegalArgumentException(model);
        };
    }

    /** Pulses per phase that take each model's device across most of its window. */
    static int pulses(String model) {
        return switch (model) {
            case "constant-step", "ideal" -> 240;
            case "ideal-levels" -> 120;
            case "linear-step", "exp-step" -> 400;
            case "neurosim-nonlinear" -> 130;
            default -> 200;
        };
    }

    static String csv(PulseResponseTrace trace) {
        StringBuilder csv = new StringBuilder("device,cycle,pulse,direction,conductanceSiemens\n");
        int n = trace.pulsesPerPhase();
        for (int device = 0; device < trace.devices(); device++) {
            for (int row = 0; row < trace.rows(); row++) {
                int pulse = row == 0 ? 0 : (row - 1) % n + 1;
                boolean up = row == 0 || trace.isPotentiation(row);
                csv.append(device).append(',').append(trace.cycleOf(row)).append(',').append(pulse).append(',')
                        .append(up ? "up" : "down").append(',')
                        .append(Float.toString(trace.conductanceSiemens(row, device))).append('\n');
            }
        }
        return csv.toString();
    }

    static PulseResponseData data(DeviceConfig device, int pulses, int cycles, int devices, long seed) {
        return PulseResponseData.parse(csv(DeviceExperiments.pulseResponse(device, pulses, cycles, devices, seed)),
                "generated.csv");
    }
}
