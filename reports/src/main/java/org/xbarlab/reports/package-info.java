/**
 * Reading result files and rendering figures, tables and summaries. Simulation modules never render.
 */
package org.xbarlab.reports;
