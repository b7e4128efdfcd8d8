package org.xbarlab.core.random;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Slow, obvious reference for {@link RandomFill#normal}: one deviate per call, written as Marsaglia and Tsang's
 * {@code RNOR}/{@code nfix} pair (J. Stat. Softw. 5(8), 2000) with the 32-bit words handed out one at a time, low
 * half first. It shares the tables with the fast code and must reproduce its output bit for bit.
 */
final class ReferenceNormal {

    private final UniformRandomProvider rng;
    private boolean highHalfPending;
    private int highHalf;

    ReferenceNormal(UniformRandomProvider rng) {
        this.rng = rng;
    }

    /** The next 32-bit word: the low half of a new output, or the high half of the previous one. */
    private int nextWord() {
        if (highHalfPending) {
            highHalfPending = false;
            return highHalf;
        }
        final long bits = rng.nextLong();
        highHalf = (int) (bits >>> 32);
        highHalfPending = true;
        return (int) bits;
    }

    /** Forgets a pending high half, as the bulk fill does at the end of an odd-length fill. */
    void discardPendingHalf() {
        highHalfPending = false;
    }

    /** One standard normal deviate. */
    float next() {
        final int word = nextWord();
        final int layer = word & 0xFF;
        final int j = 2 * (word >> 8) + 1;
        if (Math.abs(j) < FloatZiggurat.K[layer]) {
            return j * FloatZiggurat.W[layer];
        }
        return fix(layer, j);
    }

    /** Marsaglia and Tsang's {@code nfix}: tail, wedge, or a fresh candidate from a new output's low half. */
    private float fix(int firstLayer, int firstJ) {
        int layer = firstLayer;
        int j = firstJ;
        while (true) {
            if (layer == 0) {
                double x;
                double y;
                do {
                    x = -StrictMath.log(((rng.nextLong() >>> 11) + 1) * 0x1.0p-53) / FloatZiggurat.TAIL_START;
                    y = -StrictMath.log(((rng.nextLong() >>> 11) + 1) * 0x1.0p-53);
                } while (2 * y < x * x);
                return (float) (j > 0 ? FloatZiggurat.TAIL_START + x : -FloatZiggurat.TAIL_START - x);
            }
            final float x = j * FloatZiggurat.W[layer];
            final double u = (rng.nextLong() >>> 11) * 0x1.0p-53;
            final double fLow = FloatZiggurat.F[layer];
            final double fHigh = FloatZiggurat.F[layer - 1];
            if (fLow + u * (fHigh - fLow) < StrictMath.exp(-0.5 * (double) x * (double) x)) {
                return x;
            }
            final int word = (int) rng.nextLong();
            layer = word & 0xFF;
            j = 2 * (word >> 8) + 1;
            if (Math.abs(j) < FloatZiggurat.K[layer]) {
                return j * FloatZiggurat.W[layer];
            }
        }
    }
}
