package io.hybridctl.lab.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A {@link Shell} that runs nothing: it records every command (and the contents of `ip -batch` files at the moment they
 * are run) and answers with what the test tells it, so lab logic is tested without root.
 */
public final class FakeShell implements Shell {

    private final Function<List<String>, Result> answers;
    private final List<List<String>> commands = new ArrayList<>();
    private final List<List<String>> batches = new ArrayList<>();

    public FakeShell(Function<List<String>, Result> answers) {
        this.answers = answers;
    }

    /** Every command succeeds with no output. */
    public static FakeShell succeeding() {
        return new FakeShell(c -> new Result(0, ""));
    }

    @Override
    public synchronized Result tryRun(List<String> command) {
        commands.add(List.copyOf(command));
        int batch = command.indexOf("-batch");
        if (batch >= 0) {
            try {
                batches.add(Files.readAllLines(Path.of(command.get(batch + 1))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return answers.apply(command);
    }

    @Override
    public synchronized long startDetached(List<String> command, Path log) {
        commands.add(List.copyOf(command));
        return -1;
    }

    public synchronized List<List<String>> commands() {
        return List.copyOf(commands);
    }

    /** The lines of each `ip -batch` file, in the order they were run. */
    public synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }
}
