/**
 * The float32 kernel facade: every hot product of xbarlab (MVM, batched MVM, transposed MVM, outer-product and
 * rank-k updates) goes through {@link org.xbarlab.core.kernels.Kernels}, so the backend can change without touching
 * devices, crossbar or algorithms.
 *
 * <p>What belongs here: BLAS-like products on row-major {@code float[]} matrices with offsets and row strides,
 * the backends that implement them (OpenBLAS through JavaCPP, and a plain-Java fallback that always works), their
 * thread pool and argument checks. Backends are package-private; callers choose one by name through
 * {@link org.xbarlab.core.kernels.Kernels#setBackend(String)} or the system property
 * {@value org.xbarlab.core.kernels.Kernels#BACKEND_PROPERTY}.
 *
 * <p>What does not: decompositions, solvers and other dense linear algebra (use EJML directly), double-precision
 * code, and anything with device physics or array semantics (noise, quantisation, IR drop), which lives in
 * {@code devices} and {@code crossbar} and calls these kernels.
 *
 * <p>Design, measured speeds and the determinism findings are in {@code docs/adr/0001-kernel-backend.md}.
 */
package org.xbarlab.core.kernels;
