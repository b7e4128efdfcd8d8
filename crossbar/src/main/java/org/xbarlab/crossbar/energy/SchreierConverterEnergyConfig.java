package org.xbarlab.crossbar.energy;

import org.xbarlab.core.Checks;

/**
 * Converter energy from the envelope of the Schreier figure of merit, {@code FOM_S = SNDR + 10·log10((fs/2)/P)},
 * of B. Murmann's ADC performance survey (github.com/bmurmann/ADC-survey, {@code plots/foms_plot.ipynb}). The
 * survey draws the state-of-the-art envelope as {@code FOM_S(fs) = FOM_asymptote − 10·log10(√(1 + (fs/f_corner)²))}:
 * flat at low rates, losing 10 dB per decade above the corner. Solving the definition for the energy of one
 * conversion {@code E = P/fs} gives
 *
 * <pre>
 *     E(b, fs) = ½ · 10^((SNDR(b) − FOM_S(fs)) / 10),   SNDR(b) = 6.02·b + 1.76 dB
 * </pre>
 *
 * <p>This is the best energy published for a converter of that resolution and rate (ENOB is taken equal to the
 * nominal bits), so it is an optimistic estimate; a Walden model with a measured figure of merit
 * ({@link WaldenConverterEnergyConfig}) describes a particular design.
 *
 * @param asymptoticFigureOfMeritDecibels the envelope's low-rate asymptote (dB), in (0, 300]
 * @param cornerFrequencyHertz the rate above which the envelope falls off (Hz), positive and finite
 */
public record SchreierConverterEnergyConfig(double asymptoticFigureOfMeritDecibels, double cornerFrequencyHertz)
        implements ConverterEnergyConfig {

    /**
     * The survey's envelope: asymptote 186.72 dB (the mean of the five best {@code FOMS_hf}, linear average) and
     * corner 46.73 MHz, as computed by the survey's own notebook and stored in {@code plots/foms_plot.json} at commit
     * 36d15ce (survey revision 2026-08-01, ISSCC and VLSI 1997 onwards).
     */
    public static final double MURMANN_SURVEY_ASYMPTOTE_DECIBELS = 186.72331722916883;

    /** The survey envelope's corner frequency (Hz); see {@link #MURMANN_SURVEY_ASYMPTOTE_DECIBELS}. */
    public static final double MURMANN_SURVEY_CORNER_HERTZ = 46734517.05669982;

    /** Validates the fields. */
    public SchreierConverterEnergyConfig {
        Checks.positiveFinite("asymptoticFigureOfMeritDecibels", asymptoticFigureOfMeritDecibels);
        Checks.inClosedRange("asymptoticFigureOfMeritDecibels", asymptoticFigureOfMeritDecibels, 0, 300);
        Checks.positiveFinite("cornerFrequencyHertz", cornerFrequencyHertz);
    }

    /**
     * The state-of-the-art envelope of Murmann's ADC performance survey (see the constants' documentation).
     *
     * @return the survey envelope
     */
    public static SchreierConverterEnergyConfig murmannSurveyEnvelope() {
        return new SchreierConverterEnergyConfig(MURMANN_SURVEY_ASYMPTOTE_DECIBELS, MURMANN_SURVEY_CORNER_HERTZ);
    }

    /**
     * The envelope at a given rate, {@code FOM_asymptote − 10·log10(√(1 + (fs/f_corner)²))}.
     *
     * @param sampleRateHertz conversion rate (Hz), positive and finite
     * @return the figure of merit (dB)
     */
    public double figureOfMeritDecibels(double sampleRateHertz) {
        Checks.positiveFinite("sampleRateHertz", sampleRateHertz);
        double ratio = sampleRateHertz / cornerFrequencyHertz;
        return asymptoticFigureOfMeritDecibels - 10 * Math.log10(Math.sqrt(1 + ratio * ratio));
    }

    @Override
    public double energyPerConversionJoules(int resolutionBits, double sampleRateHertz) {
        Checks.positive("resolutionBits", resolutionBits);
        double sndr = ConverterEnergyConfig.idealSndrDecibels(resolutionBits);
        return 0.5 * Math.pow(10, (sndr - figureOfMeritDecibels(sampleRateHertz)) / 10);
    }

    @Override
    public boolean dependsOnSampleRate() {
        return true;
    }
}
