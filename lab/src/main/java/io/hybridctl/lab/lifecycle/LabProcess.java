package io.hybridctl.lab.lifecycle;

/**
 * A process the lab started, recorded with its start time (clock ticks since boot, /proc/PID/stat field 22) so a
 * recycled PID is never mistaken for it.
 */
public record LabProcess(long pid, long startTicks, String namespace, String role) {
}
