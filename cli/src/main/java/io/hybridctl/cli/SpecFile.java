package io.hybridctl.cli;

import io.hybridctl.spec.load.LoadResult;
import io.hybridctl.spec.load.SpecLoader;
import io.hybridctl.spec.yaml.YamlLimits;
import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The spec a `-f` option names: a file, or `-` for standard input (as kubectl reads it). A spec read from stdin is
 * named `<stdin>` in diagnostics; its relative paths, and its hybridctl.lock, are those of the working directory.
 */
public final class SpecFile {

    public static final String STDIN = "-";
    static final String STDIN_NAME = "<stdin>";

    private SpecFile() {
    }

    public static boolean isStdin(Path file) {
        return file.toString().equals(STDIN);
    }

    /** Loads the spec for a command; stdin is the one {@link Main#run} was given. */
    public static LoadResult load(Path file, CommandLine.Model.CommandSpec command) {
        if (!isStdin(file)) {
            return new SpecLoader().load(file);
        }
        InputStream in = ((Main) command.root().userObject()).stdin();
        byte[] content;
        try {
            // One byte over the limit is enough for the reader to refuse the document with its usual message.
            content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, YamlLimits.DEFAULT.maxBytes() + 1));
        } catch (IOException e) {
            throw new UserError(2, "cannot read the spec from standard input (" + e.getClass().getSimpleName() + ")");
        }
        return new SpecLoader().load(STDIN_NAME, content, Path.of("").toAbsolutePath());
    }
}
