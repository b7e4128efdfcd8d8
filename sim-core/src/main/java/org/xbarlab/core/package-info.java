/**
 * Shared kernel of xbarlab: validation (Checks), config I/O (ConfigMapper), seeded named random streams, float kernels, cost ledger, provenance and progress reporting. Depends on no other xbarlab module.
 */
package org.xbarlab.core;
