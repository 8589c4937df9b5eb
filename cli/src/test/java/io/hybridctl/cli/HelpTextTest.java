package io.hybridctl.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command's and every option's help is whole sentences: not empty, each line ending with a full stop. */
class HelpTextTest {

    @Test
    void everyHelpTextIsWholeSentences() {
        List<String> problems = new ArrayList<>();
        walk(Main.commandLine(InputStream.nullInputStream()), problems);
        assertThat(problems).isEmpty();
    }

    private static void walk(CommandLine command, List<String> problems) {
        CommandSpec spec = command.getCommandSpec();
        check(spec.qualifiedName(), spec.usageMessage().description(), problems);
        for (ArgSpec arg : spec.args()) {
            String name = spec.qualifiedName() + " " + (arg instanceof CommandLine.Model.OptionSpec o ? o.longestName() : arg.paramLabel());
            check(name, arg.description(), problems);
        }
        command.getSubcommands().values().stream().distinct().forEach(sub -> walk(sub, problems));
    }

    private static void check(String where, String[] description, List<String> problems) {
        if (description.length == 0 || String.join("", description).isBlank()) {
            problems.add(where + ": no description");
            return;
        }
        for (String line : description) {
            String text = line.replace("%n", "").strip();
            if (!text.endsWith(".")) {
                problems.add(where + ": \"" + text + "\" does not end a sentence");
            }
        }
    }
}
