/**
 * Learning rules that run against the simulated chip, evaluation, and data sets.
 */
package org.xbarlab.algorithms;
