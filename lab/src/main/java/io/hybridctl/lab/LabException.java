package io.hybridctl.lab;

/**
 * A problem the user can act on (not root, a missing package, a dirty lab), with what kind of problem it is; the CLI
 * decides which exit code each kind gets.
 */
public final class LabException extends RuntimeException {

    public enum Kind {
        /** The design cannot be built in a lab: an invalid spec, pod blocks that cannot be allocated, an unsupported shape. */
        DESIGN,
        /** The lab is not in the state the command needs (not up, already up, its state gone, being removed). */
        STATE,
        /** A fault or flow names something this design does not have (no firewall, no BGP speaker, no such flow). */
        NOT_IN_DESIGN,
        /** A name on the command line matches nothing in the spec. */
        USAGE,
        /** A file beside the spec cannot be read. */
        UNREADABLE_INPUT,
        /** This machine cannot run a lab (not root, tools missing). */
        MACHINE,
        /** The lab itself failed (a daemon or agent did not start, an unexpected interruption). */
        INTERNAL
    }

    private final Kind kind;

    public LabException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
