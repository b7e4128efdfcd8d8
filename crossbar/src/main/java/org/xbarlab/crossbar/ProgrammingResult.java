package org.xbarlab.crossbar;

/**
 * What direct programming of a crossbar did.
 *
 * @param devicesProgrammed devices written
 * @param weightsClipped weights outside the mapped range, clipped to it
 * @param verifyIterations write-verify iterations (read + rewrite of the devices still out of tolerance); 0 for
 *     one-shot programming
 * @param pulses programming pulses used in total
 * @param devicesOutOfTolerance devices still outside the write-verify tolerance when the iteration cap was reached
 */
public record ProgrammingResult(long devicesProgrammed, long weightsClipped, long verifyIterations, long pulses,
                                long devicesOutOfTolerance) {

    /** The sum of two results (for crossbars made of several tiles); iterations are the maximum. */
    public ProgrammingResult plus(ProgrammingResult other) {
        return new ProgrammingResult(devicesProgrammed + other.devicesProgrammed,
                weightsClipped + other.weightsClipped, Math.max(verifyIterations, other.verifyIterations),
                pulses + other.pulses, devicesOutOfTolerance + other.devicesOutOfTolerance);
    }
}
