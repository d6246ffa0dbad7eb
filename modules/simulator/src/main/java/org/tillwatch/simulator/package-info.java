/**
 * Simulated register-log fleets in the reference dialect, with the figures a correct reading must reproduce.
 *
 * <p>{@link org.tillwatch.simulator.FleetSimulator#simulate} writes {@code stores.csv},
 * {@code logs/<store>/<POSnn>/pos-<day>.log[.gz]} (windows-1251, {@code \r\n}) and {@code expected.json}, and returns
 * the same truth as a {@link org.tillwatch.simulator.SimulationTruth}. What to simulate is a
 * {@link org.tillwatch.simulator.SimulationConfig}; what goes wrong that day, {@link org.tillwatch.simulator.Scenario}s.
 * The simulator does not read its own logs: the truth is what it decided to write, so it can check a parser.
 */
package org.tillwatch.simulator;
