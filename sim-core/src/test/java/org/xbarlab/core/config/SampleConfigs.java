package org.xbarlab.core.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.xbarlab.core.Checks;

/**
 * Small config records used only by the tests of {@link ConfigMapper}. They follow the rules of real config
 * records (STYLE.md B4): SI units in names, validation in compact constructors with {@link Checks}, a polymorphic
 * device family keyed by {@code "model"}, a nested list.
 */
final class SampleConfigs {

    private SampleConfigs() {
    }

    /** Programmable conductance window of one device (S). */
    record WindowConfig(double minConductanceSiemens, double maxConductanceSiemens) {
        WindowConfig {
            Checks.positiveFinite("minConductanceSiemens", minConductanceSiemens);
            Checks.positiveFinite("maxConductanceSiemens", maxConductanceSiemens);
            Checks.isTrue(minConductanceSiemens < maxConductanceSiemens,
                    "minConductanceSiemens (%s S) must be below maxConductanceSiemens (%s S)",
                    minConductanceSiemens, maxConductanceSiemens);
        }

        /** Not a component: must never be written as a key. */
        public double getSpanSiemens() {
            return maxConductanceSiemens - minConductanceSiemens;
        }
    }

    /** A device model family, chosen by the {@code model} key. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = SoftBoundsDeviceConfig.class, name = "soft-bounds"),
        @JsonSubTypes.Type(value = LinearStepDeviceConfig.class, name = "linear-step")
    })
    sealed interface DeviceConfig permits SoftBoundsDeviceConfig, LinearStepDeviceConfig {
        /** The conductance window. */
        WindowConfig window();
    }

    /** Soft-bounds device: steps shrink near the window edges. */
    record SoftBoundsDeviceConfig(WindowConfig window, double stepFraction, double cycleToCycleSigmaRelative)
            implements DeviceConfig {
        SoftBoundsDeviceConfig {
            Checks.notNull("window", window);
            Checks.inHalfOpenRange("stepFraction", stepFraction, 0, 1);
            Checks.nonNegativeFinite("cycleToCycleSigmaRelative", cycleToCycleSigmaRelative);
        }
    }

    /** Linear-step device: a fixed number of equal steps. */
    record LinearStepDeviceConfig(WindowConfig window, int stateCount, double pulseWidthSeconds)
            implements DeviceConfig {
        LinearStepDeviceConfig {
            Checks.notNull("window", window);
            Checks.inRange("stateCount", stateCount, 2, 1 << 16);
            Checks.positiveFinite("pulseWidthSeconds", pulseWidthSeconds);
        }
    }

    /** An array of devices. */
    record CrossbarConfig(int rows, int columns, double readVoltageVolts, DeviceConfig device) {
        CrossbarConfig {
            Checks.positive("rows", rows);
            Checks.positive("columns", columns);
            Checks.inClosedRange("readVoltageVolts", readVoltageVolts, 0, 1.5);
            Checks.notNull("device", device);
        }
    }

    /** Activation functions, written in lower case. */
    enum Activation {
        /** Rectified linear unit. */
        @JsonProperty("relu") RELU,
        /** Logistic sigmoid. */
        @JsonProperty("sigmoid") SIGMOID
    }

    /** One layer of a network. */
    record LayerConfig(int size, Activation activation, double dropoutFraction) {
        LayerConfig {
            Checks.positive("size", size);
            Checks.notNull("activation", activation);
            Checks.fraction("dropoutFraction", dropoutFraction);
        }
    }

    /** The top-level record of the sample files. */
    record ExperimentConfig(int schemaVersion, String name, CrossbarConfig crossbar, List<LayerConfig> layers) {
        ExperimentConfig {
            Checks.inRange("schemaVersion", schemaVersion, 1, 1);
            Checks.notEmpty("name", name);
            Checks.notNull("crossbar", crossbar);
            Checks.notEmpty("layers", layers);
            Checks.noNullElements("layers", layers);
            layers = List.copyOf(layers);
        }
    }

    /** The record that good.json and good.yaml describe. */
    static ExperimentConfig expectedGoodExperiment() {
        return new ExperimentConfig(1, "two-layer demo",
                new CrossbarConfig(256, 128, 0.2,
                        new SoftBoundsDeviceConfig(new WindowConfig(1.0e-6, 2.5e-5), 0.01, 0.05)),
                List.of(new LayerConfig(784, Activation.RELU, 0.1), new LayerConfig(10, Activation.SIGMOID, 0)));
    }
}
