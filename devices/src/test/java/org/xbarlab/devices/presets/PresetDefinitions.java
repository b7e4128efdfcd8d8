package org.xbarlab.devices.presets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.xbarlab.core.config.ConfigMapper;
import org.xbarlab.devices.config.DeviceConfig;
import org.xbarlab.devices.config.FaultsConfig;
import org.xbarlab.devices.config.ProgrammingConfig;
import org.xbarlab.devices.config.RetentionConfig;
import org.xbarlab.devices.config.VariationConfig;
import org.xbarlab.devices.config.WriteCostConfig;
import org.xbarlab.devices.drift.NoDriftConfig;
import org.xbarlab.devices.drift.PcmDriftConfig;
import org.xbarlab.devices.noise.NoReadNoiseConfig;
import org.xbarlab.devices.noise.PcmReadNoiseConfig;
import org.xbarlab.devices.noise.PolynomialProgrammingNoiseConfig;
import org.xbarlab.devices.response.ExponentialStepResponseConfig;
import org.xbarlab.devices.response.IdealResponseConfig;
import org.xbarlab.devices.response.LinearStepResponseConfig;
import org.xbarlab.devices.response.NeuroSimNonlinearResponseConfig;
import org.xbarlab.devices.response.PulseResponseConfig;
import org.xbarlab.devices.response.SoftBoundsResponseConfig;

/**
 * The source of the preset JSON files: every number with its origin. {@code PresetsTest} checks that the resources
 * equal these definitions; to regenerate the resources after a reviewed change run
 * {@code mvn -B -q -o -pl devices test -Dtest=PresetsTest -Dxbarlab.regeneratePresets=true}.
 */
final class PresetDefinitions {

    /** aihwkit's default conductance range (SinglePairConductanceConverter: g_min 0, g_max 25 µS). */
    static final double AIHWKIT_MAX_SIEMENS = 25e-6;

    private PresetDefinitions() {
    }

    static Map<String, DeviceConfig> all() {
        Map<String, DeviceConfig> presets = new LinkedHashMap<>();
        presets.put("ideal", DeviceConfig.defaults().withName("ideal").withCitation(
                "Ideal reference device (no non-idealities): window 0 to 25 uS as aihwkit's default conductance"
                        + " converter (g_min 0, g_max 25 uS), 1000 equal steps."));
        presets.put("pcm", aihwkit("pcm",
                "aihwkit 1.1.0 PCMLikeNoiseModel (S. R. Nandakumar et al., 'Phase-change memory models for deep"
                        + " learning training and inference', ICECS 2019): programming-noise polynomial, drift and"
                        + " 1/f read noise at g_max 25 uS; pulse response of aihwkit's PCMPresetDevice (ExpStepDevice"
                        + " fit, S. R. Nandakumar et al., Front. Neurosci. 2020). Write cost not given by the sources.",
                new ExponentialStepResponseConfig(0.01, 0, 2, 0, -27.235, -2.235, 2.5, 2.5, -1, 0, 0.042, 0.108),
                new VariationConfig(0.2, false, 0.05, 0.1, 0, 0, 0.6, 0, 0))
                .withProgramming(ProgrammingConfig.defaults().withNoise(PolynomialProgrammingNoiseConfig.defaults())
                        .withWriteVerify(0.5e-6, 10))
                .withReadNoise(PcmReadNoiseConfig.defaults())
                .withDrift(PcmDriftConfig.defaults()));
        presets.put("reram-hfo2", aihwkit("reram-hfo2",
                "aihwkit 1.1.0 ReRamESPreset (ExpStepDevice), fitted to HfO2 ReRAM data of S. Gong et al., 'Signal"
                        + " and noise extraction from analog memory elements for neuromorphic computing', Nat."
                        + " Commun. 9, 2102 (2018). Weights [-1, 1] mapped onto aihwkit's default 0 to 25 uS."
                        + " Write cost not given by the source.",
                new ExponentialStepResponseConfig(0.00135, -1, 1, 0.259, -1.18445, -0.081404, 5, 5, -0.5, -0.5, 0,
                        0),
                new VariationConfig(0.2, false, 0.05, 0.3, 0.3, 0, 5.0, 0, 75)));
        presets.put("reram-soft-bounds", aihwkit("reram-soft-bounds",
                "aihwkit 1.1.0 ReRamSBPreset ('loose fit' to the data of S. Gong et al., Nat. Commun. 9, 2102,"
                        + " 2018), as a SoftBoundsDevice with additive noise (the preset's SoftBoundsReference"
                        + " reference offset is not modelled). Weights [-0.75, 1.25] mapped onto 0 to 25 uS."
                        + " Write cost not given by the source.",
                new SoftBoundsResponseConfig(0.002, -0.75, 1.25, 0, false),
                new VariationConfig(0.3, false, 0.01, 0.24, 0.4, 0, 3.75, 0, 56)));
        presets.put("ecram", aihwkit("ecram",
                "aihwkit 1.1.0 EcRamPreset (LinearStepDevice), Li-ECRAM of J. Tang et al., 'ECRAM as scalable"
                        + " synaptic cell for high-speed, low-power neuromorphic computing', IEDM 2018. Weights"
                        + " [-0.8276, 1.1724] mapped onto 0 to 25 uS. Write cost not given by the source.",
                new LinearStepResponseConfig(0.002, -0.8276, 1.1724, 0, 0.1153, 0.5085, true, true),
                new VariationConfig(0.1, false, 0.01, 0.05, 0.05, 0.05, 0.3, 0, 0)));
        presets.put("capacitor", aihwkit("capacitor",
                "aihwkit 1.1.0 CapacitorPreset (LinearStepDevice), Y. Li et al., 'Capacitor-based cross-point"
                        + " array for analog neural network with record symmetry and linearity', VLSI 2018. Weights"
                        + " [-1, 1] mapped onto 0 to 25 uS. aihwkit's lifetime of 1e6 mini-batches has no time unit,"
                        + " so retention is left off. Write cost not given by the source.",
                new LinearStepResponseConfig(0.005, -1, 1, 0, 0.05, 0.05, true, false),
                new VariationConfig(0.1, false, 0.06, 0.07, 0.07, 0.01, 0.3, 0, 0)));
        presets.put("ag-a-si", neuroSim("ag-a-si", "Ag:a-Si memristor (NeuroSim's default RealDevice)",
                26e6, 12.5, 97, 100, 2.4, -4.88, 0.035, 3.2, -2.8, 300e-6, 300e-6));
        presets.put("taox-hfox", neuroSim("taox-hfox", "TaOx/HfOx ReRAM", 100e3, 10, 128, 128, 0.04, -0.63, 0.037,
                1.6, 1.6, 50e-9, 50e-9));
        presets.put("pcmo", neuroSim("pcmo", "PCMO ReRAM (C2C given as <1 %; 1 % used)", 23e6, 6.84, 50, 50, 3.68,
                -6.76, 0.01, -2, 2, 1e-3, 1e-3));
        presets.put("alox-hfo2", neuroSim("alox-hfo2", "AlOx/HfO2 ReRAM", 16.9e3, 4.43, 40, 40, 1.94, -0.61, 0.05,
                0.9, -1, 100e-6, 100e-6));
        presets.put("epiram", neuroSim("epiram", "EpiRAM (Ag:SiGe)", 81e3, 50.2, 64, 64, 0.5, -0.5, 0.02, 5, -3,
                5e-6, 5e-6));
        return presets;
    }

    private static DeviceConfig aihwkit(String name, String citation, PulseResponseConfig response,
                                        VariationConfig variation) {
        return new DeviceConfig(name, citation, 0, AIHWKIT_MAX_SIEMENS, response, variation,
                ProgrammingConfig.defaults(), NoReadNoiseConfig.defaults(), NoDriftConfig.defaults(),
                FaultsConfig.defaults(), RetentionConfig.defaults(), WriteCostConfig.defaults());
    }

    private static DeviceConfig neuroSim(String name, String device, double onResistanceOhms, double onOffRatio,
                                         int levelsUp, int levelsDown, double nonlinearityUp,
                                         double nonlinearityDown, double cycleToCycle, double upVolts,
                                         double downVolts, double upSeconds, double downSeconds) {
        double max = 1 / onResistanceOhms;
        double min = max / onOffRatio;
        String citation = device + ": MLP+NeuroSim V3.0 user manual, Table II (P.-Y. Chen, X. Peng, S. Yu,"
                + " 'NeuroSim: a circuit-level macro model for benchmarking neuro-inspired architectures in online"
                + " learning', IEEE TCAD 37(12), 2018): R_on " + onResistanceOhms + " ohm, on/off " + onOffRatio
                + ", " + levelsUp + "/" + levelsDown + " levels, NL " + nonlinearityUp + "/" + nonlinearityDown
                + ", C2C " + cycleToCycle + " of the window, pulses " + upVolts + " V/" + upSeconds + " s and "
                + downVolts + " V/" + downSeconds + " s; pulse energy taken as V^2 G_max t.";
        return new DeviceConfig(name, citation, min, max,
                new NeuroSimNonlinearResponseConfig(levelsUp, levelsDown, nonlinearityUp, nonlinearityDown),
                VariationConfig.defaults().withCycleToCycleWindowFraction(cycleToCycle),
                ProgrammingConfig.defaults(), NoReadNoiseConfig.defaults(), NoDriftConfig.defaults(),
                FaultsConfig.defaults(), RetentionConfig.defaults(),
                WriteCostConfig.fromPulses(upVolts, downVolts, upSeconds, downSeconds, max));
    }

    /** Writes every preset's JSON into a resource folder. */
    static void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Map.Entry<String, DeviceConfig> entry : all().entrySet()) {
            Files.writeString(folder.resolve(DevicePresets.resourceName(entry.getKey())),
                    ConfigMapper.writeJson(entry.getValue()) + "\n", StandardCharsets.UTF_8);
        }
    }
}
