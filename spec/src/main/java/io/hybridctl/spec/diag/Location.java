package io.hybridctl.spec.diag;

/** A place in a source file, 1-based; line 0 means "the file as a whole". */
public record Location(String file, int line, int column) {

    public static Location ofFile(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
