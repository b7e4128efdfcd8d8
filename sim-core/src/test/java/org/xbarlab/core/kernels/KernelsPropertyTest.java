package org.xbarlab.core.kernels;

import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.xbarlab.core.XbarlabTestBase;
import org.xbarlab.core.kernels.KernelReference.GemmCase;
import org.xbarlab.core.kernels.KernelReference.GemvCase;
import org.xbarlab.core.kernels.KernelReference.GerCase;

/**
 * Properties over random shapes, strides, offsets and scalars, through the facade with the automatically chosen
 * backend: the products match EJML within the float32 rounding bound and never write outside their output. Up to
 * 70³ multiply-adds, so with OpenBLAS both the Java path for small products and the native path run. The operand
 * values come from a {@link SplittableRandom} seeded by jqwik, so a reported counterexample reproduces.
 */
class KernelsPropertyTest extends XbarlabTestBase {

    @Provide
    Arbitrary<Float> scalars() {
        return Arbitraries.oneOf(Arbitraries.of(0f, 1f, -1f), Arbitraries.floats().between(-4f, 4f));
    }

    @Property(tries = 150)
    void gemmMatchesEjml(@ForAll @IntRange(max = 70) int rows, @ForAll @IntRange(max = 70) int columns,
            @ForAll @IntRange(max = 70) int depth, @ForAll Transpose transposeA, @ForAll Transpose transposeB,
            @ForAll("scalars") float alpha, @ForAll("scalars") float beta, @ForAll long seed) {
        GemmCase gemm = new GemmCase(new SplittableRandom(seed), transposeA, transposeB, rows, columns, depth,
                alpha, beta, 4);
        gemm.runThroughFacade();
        gemm.assertMatchesEjml(Kernels.backendName() + " operand seed " + seed);
    }

    @Property(tries = 150)
    void gemvMatchesEjml(@ForAll @IntRange(max = 200) int rows, @ForAll @IntRange(max = 200) int columns,
            @ForAll Transpose transposeA, @ForAll("scalars") float alpha, @ForAll("scalars") float beta,
            @ForAll long seed) {
        GemvCase gemv = new GemvCase(new SplittableRandom(seed), transposeA, rows, columns, alpha, beta, 4);
        gemv.runThroughFacade();
        gemv.assertMatchesEjml(Kernels.backendName() + " operand seed " + seed);
    }

    @Property(tries = 150)
    void gerMatchesEjml(@ForAll @IntRange(max = 200) int rows, @ForAll @IntRange(max = 200) int columns,
            @ForAll("scalars") float alpha, @ForAll long seed) {
        GerCase ger = new GerCase(new SplittableRandom(seed), rows, columns, alpha, 4);
        ger.runThroughFacade();
        ger.assertMatchesEjml(Kernels.backendName() + " operand seed " + seed);
    }
}
