package org.xbarlab.devices;

import org.xbarlab.core.Checks;

/**
 * What a write-verify cost and achieved.
 *
 * @param devicesCount devices the call covered (stuck ones included), non-negative
 * @param writesCount programming writes issued (one pulse each; feed the energy model), non-negative
 * @param verifyReadsCount verify reads issued, non-negative
 * @param maxIterationsCount most writes any device needed, non-negative
 * @param unconvergedCount working devices still outside the tolerance after the iteration cap (stuck devices are
 *        not counted here), non-negative
 */
public record WriteVerifyResult(int devicesCount, long writesCount, long verifyReadsCount, int maxIterationsCount,
                                int unconvergedCount) {

    /** Validates the fields. */
    public WriteVerifyResult {
        Checks.nonNegative("devicesCount", devicesCount);
        Checks.nonNegative("writesCount", writesCount);
        Checks.nonNegative("verifyReadsCount", verifyReadsCount);
        Checks.nonNegative("maxIterationsCount", maxIterationsCount);
        Checks.nonNegative("unconvergedCount", unconvergedCount);
    }
}
