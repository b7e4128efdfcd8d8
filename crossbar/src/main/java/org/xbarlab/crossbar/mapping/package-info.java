/**
 * Weight-to-conductance mapping: a differential pair of devices per weight ({@code w ∝ G⁺ − G⁻}) or one device
 * per weight read against a reference (offset) column ({@code w ∝ G − G_ref}), with a weight-to-conductance scale
 * and clipping of weights outside the mapped range (counted and reported).
 */
package org.xbarlab.crossbar.mapping;
