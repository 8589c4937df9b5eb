package io.hybridctl.spec.imports;

/** The file to import cannot be read or is not what the importer handles; the message says which and why. */
public final class ImportException extends Exception {
    public ImportException(String message) {
        super(message);
    }
}
