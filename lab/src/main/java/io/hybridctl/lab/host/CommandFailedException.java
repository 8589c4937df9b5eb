package io.hybridctl.lab.host;

import java.util.List;

/** A system command (ip, nft, vtysh...) exited non-zero; carries what it printed so the user sees why. */
public final class CommandFailedException extends RuntimeException {

    private final List<String> command;
    private final int status;
    private final String output;

    /** @param status the command's own exit status (what the lab's CLI exits with is cli's decision) */
    public CommandFailedException(List<String> command, int status, String output) {
        super(String.join(" ", command) + " exited " + status + (output.isBlank() ? "" : ": " + output.strip()));
        this.command = List.copyOf(command);
        this.status = status;
        this.output = output;
    }

    public List<String> command() {
        return command;
    }

    public int status() {
        return status;
    }

    public String output() {
        return output;
    }
}
