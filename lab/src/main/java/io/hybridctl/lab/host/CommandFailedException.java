package io.hybridctl.lab.host;

import java.util.List;

/** A system command (ip, nft, vtysh...) exited non-zero; carries what it printed so the user sees why. */
public final class CommandFailedException extends RuntimeException {

    private final List<String> command;
    private final int exitCode;
    private final String output;

    public CommandFailedException(List<String> command, int exitCode, String output) {
        super(String.join(" ", command) + " exited " + exitCode + (output.isBlank() ? "" : ": " + output.strip()));
        this.command = List.copyOf(command);
        this.exitCode = exitCode;
        this.output = output;
    }

    public List<String> command() {
        return command;
    }

    public int exitCode() {
        return exitCode;
    }

    public String output() {
        return output;
    }
}
