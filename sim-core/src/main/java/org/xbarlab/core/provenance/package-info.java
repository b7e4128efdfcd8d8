/**
 * Provenance of runs: build information and the record embedded in every result file.
 */
package org.xbarlab.core.provenance;
