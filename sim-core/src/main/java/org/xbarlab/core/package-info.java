/**
 * Shared kernel of xbarlab: validation ({@link org.xbarlab.core.Checks}), config I/O
 * ({@code org.xbarlab.core.config}), seeded named random streams, float kernels, cost ledger, provenance and
 * progress reporting. Depends on no other xbarlab module.
 *
 * <p>This root package holds only helpers every module needs, such as {@code Checks}, whose messages name the field,
 * the value with its SI unit and the allowed range. Anything about devices, arrays or learning belongs in the module
 * that owns that concern, and unit formatting with prefixes (µS, ns) belongs in {@code reports}.
 */
package org.xbarlab.core;
