/**
 * The cost ledger: energy (J) and latency (s) of chip operations, by phase and component. Modules that model
 * hardware charge it; nothing here estimates a cost.
 */
package org.xbarlab.core.cost;
