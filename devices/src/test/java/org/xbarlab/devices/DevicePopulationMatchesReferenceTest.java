package org.xbarlab.devices;

import java.util.stream.Stream;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.random.RandomFill;
import org.xbarlab.core.random.RngStreams;
import org.xbarlab.core.random.StreamNames;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.internal.NormalSource;
import org.xbarlab.devices.response.ConstantStepResponseConfig;
import org.xbarlab.devices.response.ExponentialStepResponseConfig;
import org.xbarlab.devices.response.IdealResponseConfig;
import org.xbarlab.devices.response.LinearStepResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearity;
import org.xbarlab.devices.response.PowerStepResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;
import org.xbarlab.devices.response.SoftBoundsResponseConfig;
import org.xbarlab.devices.response.WeightUnitResponseConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Differential test (STYLE.md B7/B8): the vectorized population against a slow, obvious per-device reference written
 * in double straight from the equations of aihwkit.md section 1.3 and NeuroSim's manual. Both consume the same
 * normals in the same order (device by device, pulse by pulse, the multiplicative normal before the additive one),
 * and the reference takes its per-device steps and bounds from the population. Devices have step and bound
 * variation but no nonlinearity variation, so the shape parameters are the config's.
 */
class DevicePopulationMatchesReferenceTest extends XbarlabTestBase {

    private static final int DEVICES = 200;

    static Stream<PulseResponseConfig> responses() {
        return Stream.of(IdealResponseConfig.defaults().withUpDownAsymmetry(0.1),
                ConstantStepResponseConfig.defaults().withStepSize(0.01),
                LinearStepResponseConfig.defaults().withStepSize(0.01).withGammas(0.4, 0.2),
                new LinearStepResponseConfig(0.01, -0.6, 0.6, 0, 0.4, 0.2, false, false),
                SoftBoundsResponseConfig.defaults().withStepSize(0.01),
                ExponentialStepResponseConfig.defaults().withStepSize(0.01),
                ExponentialStepResponseConfig.defaults().withStepSize(0.01).withComplexNoise(0.01, 0.1),
                new PowerStepResponseConfig(0.01, -0.6, 0.6, 0, 1.5, 0, 0),
                NeuroSimNonlinearResponseConfig.defaults());
    }

    @ParameterizedTest
    @MethodSource("responses")
    void populationMatchesReference(PulseResponseConfig response) {
        VariationConfig variation = new VariationConfig(0.2, false, 0.05, 0.1, 0.1, 0, 0.3, 0.01, 0);
        DeviceConfig config = DeviceConfig.defaults().withResponse(response).withVariation(variation);
        RngStreams streams = RngStreams.of(TEST_SEED);
        DevicePopulation population = DevicePopulation.create(config, DEVICES, streams, 3);
        int[] pulses = new int[DEVICES];
        double[] reference = new double[DEVICES];
        for (int i = 0; i < DEVICES; i++) {
            reference[i] = population.conductanceSiemens(i);
        }
        UniformRandomProvider pulseCounts = streams.stream("test/pulses");
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < DEVICES; i++) {
                pulses[i] = pulseCounts.nextInt(31) - 12;
            }
            population.applyPulses(pulses, 0, 0, DEVICES, streams.stream(StreamNames.DEVICES_CYCLE, round));
            NormalSource normals = new NormalSource();
            normals.reset(streams.stream(StreamNames.DEVICES_CYCLE, round));
            for (int i = 0; i < DEVICES; i++) {
                if (pulses[i] != 0) {
                    reference[i] = referencePulses(config, population, i, reference[i], pulses[i], normals);
                }
            }
            for (int i = 0; i < DEVICES; i++) {
                assertEquals(reference[i], population.conductanceSiemens(i), 1e-5 * config.windowSiemens(),
                        response + " device " + i + " round " + round);
            }
        }
    }

    /** One device, one pulse at a time, in double. */
    private static double referencePulses(DeviceConfig config, DevicePopulation p, int i, double g, int n,
                                          NormalSource normals) {
        double lo = p.minConductanceSiemens(i);
        double hi = p.maxConductanceSiemens(i);
        double sigma = config.variation().cycleToCycleRelative();
        double sigmaWindow = config.variation().cycleToCycleWindowFraction() * config.windowSiemens();
        PulseResponseConfig response = config.response();
        boolean up = n > 0;
        double step = up ? p.potentiationStepSiemens(i) : p.depressionStepSiemens(i);
        if (response instanceof NeuroSimNonlinearResponseConfig neuroSim) {
            double a = NeuroSimNonlinearity.normalizedA(up ? neuroSim.potentiationNonlinearity()
                    : neuroSim.depressionNonlinearity());
            double levels = up ? neuroSim.potentiationLevelCount() : neuroSim.depressionLevelCount();
            double u = (g - lo) / (hi - lo);
            double x = NeuroSimNonlinearity.position(u, a) + n / levels;
            double moved = NeuroSimNonlinearity.curve(Math.max(0, Math.min(1, x)), a);
            double change = (moved - u) * (hi - lo) * (1 + sigma * normals.next());
            double next = g + change + sigmaWindow * Math.sqrt(Math.abs(n)) * normals.next();
            return Math.max(lo, Math.min(hi, next));
        }
        double origin = 0;
        double kappa = 1;
        if (response instanceof WeightUnitResponseConfig weights) {
            kappa = config.windowSiemens() / (weights.maxWeight() - weights.minWeight());
            origin = config.minConductanceSiemens() - weights.minWeight() * kappa;
        }
        for (int k = 0; k < Math.abs(n); k++) {
            double w = g - origin;
            double deterministic;
            double delta;
            if (response instanceof LinearStepResponseConfig linear) {
                double gamma = up ? linear.gammaUp() : linear.gammaDown();
                double ref = linear.meanBoundReference() ? (up ? linear.maxWeight() : linear.minWeight()) * kappa
                        : (up ? hi : lo) - origin;
                deterministic = step * (1 - gamma * w / ref);
                delta = linear.multiplicativeNoise() ? deterministic * (1 + sigma * normals.next())
                        : deterministic + step * sigma * normals.next();
                delta = up ? delta : -delta;
            } else if (response instanceof SoftBoundsResponseConfig) {
                double ref = (up ? hi : lo) - origin;
                delta = step * (1 - w / ref) * (1 + sigma * normals.next());
                delta = up ? delta : -delta;
            } else if (response instanceof ExponentialStepResponseConfig exp) {
                double z = 2 * exp.scale() * w / (hi - lo) + exp.offset();
                double y = up ? Math.max(0, 1 - exp.amplitudeUp() * Math.exp(exp.gammaUp() * z))
                        : Math.max(0, 1 - exp.amplitudeDown() * Math.exp(-exp.gammaDown() * z));
                deterministic = (up ? 1 : -1) * y * step;
                if (exp.additiveNoise() != 0 || exp.slopeNoise() != 0) {
                    delta = deterministic + sigma * (Math.abs(deterministic) + exp.additiveNoise() * kappa
                            + exp.slopeNoise() * Math.abs(w)) * normals.next();
                } else {
                    delta = deterministic * (1 + sigma * normals.next());
                }
            } else if (response instanceof PowerStepResponseConfig pow) {
                double omega = (hi - g) / (hi - lo);
                double factor = up ? Math.pow(omega, pow.gamma()) : Math.pow(1 - omega, pow.gamma());
                delta = (up ? 1 : -1) * step * factor * (1 + sigma * normals.next());
            } else {
                delta = (up ? 1 : -1) * step * (1 + sigma * normals.next());
            }
            g = Math.max(lo, Math.min(hi, g + delta + sigmaWindow * normals.next()));
        }
        return g;
    }

    /** Keeps RandomFill referenced: the reference's normals come from the same bulk fill as the population's. */
    @SuppressWarnings("unused")
    private static final Class<?> BULK_FILL = RandomFill.class;
}
