package org.xbarlab.calibration.pulse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbarlab.calibration.FitParameter;
import org.xbarlab.calibration.data.PulseResponseData;
import org.xbarlab.core.XbarlabTestBase;
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
 * Round trips of every pulse-response model: pulse-response cycles simulated by the devices module from known
 * parameters, with cycle-to-cycle noise, fitted back. Four devices without device-to-device variation are pooled
 * into one fit, so each parameter's standard error is the Jacobian's, and every parameter must come back within 5 of
 * its standard errors (a 5 sigma bound: a correct fit fails it with probability below 1e-6 per parameter). The noise
 * must come back within 5 standard errors of a standard deviation estimated from m residuals, sigma / sqrt(2m), plus
 * 5 % for the observations left out near the bounds.
 */
class PulseResponseRoundTripTest extends XbarlabTestBase {

    static final double RELATIVE_NOISE = 0.1;
    static final double WINDOW_NOISE = 0.003;
    static final int DEVICES = 4;
    static final int CYCLES = 2;

    static List<String> models() {
        return PulseResponseCalibration.MODELS;
    }

    static VariationConfig noise(String model) {
        return switch (model) {
            case "ideal-levels" -> VariationConfig.defaults();
            case "neurosim-nonlinear" -> VariationConfig.defaults().withCycleToCycleWindowFraction(WINDOW_NOISE);
            default -> VariationConfig.defaults().withCycleToCycleRelative(RELATIVE_NOISE);
        };
    }

    /** The truth in the fit's parameters (S for conductances and steps), for the fixtures' 1 to 21 uS window. */
    static double[] expected(DeviceConfig truth) {
        double low = truth.minConductanceSiemens();
        double high = truth.maxConductanceSiemens();
        double kappa = (high - low) / 2;
        PulseResponseConfig response = truth.response();
        if (response instanceof ConstantStepResponseConfig c) {
            return steps(c.stepSize() * kappa, c.upDownAsymmetry());
        }
        if (response instanceof IdealResponseConfig c) {
            return steps((high - low) / c.stepCount(), c.upDownAsymmetry());
        }
        if (response instanceof QuantizedResponseConfig c) {
            double spacing = (high - low) / (c.levelCount() - 1);
            return new double[] {c.upLevelsPerPulse() * spacing, c.downLevelsPerPulse() * spacing};
        }
        if (response instanceof LinearStepResponseConfig c) {
            double[] s = steps(c.stepSize() * kappa, c.upDownAsymmetry());
            return new double[] {s[0], s[1], c.gammaUp(), c.gammaDown()};
        }
        if (response instanceof SoftBoundsResponseConfig c) {
            double[] s = steps(c.stepSize() * kappa, c.upDownAsymmetry());
            return new double[] {low, high, s[0], s[1]};
        }
        if (response instanceof ExponentialStepResponseConfig c) {
            double[] s = steps(c.stepSize() * kappa, c.upDownAsymmetry());
            return new double[] {s[0], s[1], c.amplitudeUp(), c.amplitudeDown(), c.gammaUp(), c.gammaDown()};
        }
        if (response instanceof PowerStepResponseConfig c) {
            double[] s = steps(c.stepSize() * kappa, c.upDownAsymmetry());
            double beta = c.gammaUpDownAsymmetry();
            return new double[] {low, high, s[0], s[1], c.gamma() * (1 + Math.min(beta, 0)),
                c.gamma() * (1 - Math.max(beta, 0))};
        }
        NeuroSimNonlinearResponseConfig c = (NeuroSimNonlinearResponseConfig) response;
        return new double[] {c.potentiationLevelCount(), c.depressionLevelCount(), c.potentiationNonlinearity(),
            c.depressionNonlinearity()};
    }

    static double[] steps(double s, double beta) {
        return new double[] {s * (1 + Math.min(beta, 0)), s * (1 - Math.max(beta, 0))};
    }

    @ParameterizedTest
    @MethodSource("models")
    void parametersComeBackWithinFiveStandardErrors(String model) {
        DeviceConfig truth = PulseResponseFixtures.device(PulseResponseFixtures.response(model), noise(model));
        PulseResponseData data = PulseResponseFixtures.data(truth, PulseResponseFixtures.pulses(model), CYCLES,
                DEVICES, TEST_SEED);
        PulseResponseFit fit = PulseResponseCalibration.fit(data,
                PulseResponseOptions.defaults().withModel(model).withDeviceToDevice(false));
        assertEquals(model, fit.model());
        double[] expected = expected(truth);
        List<String> names = PulseResponseCalibration.parameterNames(model);
        String context = "seed " + TEST_SEED + ", " + model + ": " + fit.parameters();
        for (int j = 0; j < expected.length; j++) {
            FitParameter parameter = fit.parameter(names.get(j));
            assertTrue(parameter.determined(), names.get(j) + " has a standard error; " + context);
            double tolerance = 5 * parameter.standardError();
            if (model.startsWith("ideal") || names.get(j).endsWith("LevelCount")) {
                // Whole numbers: the written value is rounded, so allow the rounding on top of the statistics.
                tolerance += rounding(model, names.get(j), expected);
            }
            assertEquals(expected[j], parameter.value(), tolerance, names.get(j) + "; " + context);
        }
        if (!model.equals("ideal-levels")) {
            int m = fit.quality().observationCount();
            double sigma = model.equals("neurosim-nonlinear") ? WINDOW_NOISE : RELATIVE_NOISE;
            assertEquals(model.equals("neurosim-nonlinear") ? NoiseModel.WINDOW : NoiseModel.RELATIVE, fit.noise(),
                    "the noise model is recognized; " + context);
            assertEquals(sigma, fit.cycleToCycle(), 5 * sigma / Math.sqrt(2.0 * m) + 0.05 * sigma,
                    "cycle-to-cycle noise; " + context);
        }
        assertTrue(fit.quality().rSquared() > 0.5, "R² " + fit.quality().rSquared());
        assertTrue(fit.trajectoryRSquared() > 0.98, "trajectory R² " + fit.trajectoryRSquared());
    }

    /** The largest change of a step that rounding a whole-number parameter can make. */
    private static double rounding(String model, String name, double[] expected) {
        if (name.endsWith("LevelCount")) {
            return 0.5;
        }
        double window = 20e-6;
        if (model.equals("ideal")) {
            double count = window / Math.max(expected[0], expected[1]);
            return window / (count - 0.5) - window / count;
        }
        double intervals = window / Math.min(expected[0], expected[1]);
        return 2 * (window / (intervals - 0.5) - window / intervals);
    }
}
