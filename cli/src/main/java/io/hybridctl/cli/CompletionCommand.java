package io.hybridctl.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.InputStream;
import java.util.concurrent.Callable;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a shell completion script for bash or zsh.",
                "Bash: `source <(hybridctl completion bash)`. Zsh: `source <(hybridctl completion zsh)`, or save it as _hybridctl on your fpath."})
final class CompletionCommand implements Callable<Integer> {

    enum Shell { bash, zsh }

    @Parameters(paramLabel = "SHELL", description = "The shell: ${COMPLETION-CANDIDATES}.")
    Shell shell;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        // picocli's script serves both shells: in zsh it loads bashcompinit first. The zsh form adds the compinit
        // that a plain `source` needs when the user's .zshrc has not run it.
        String script = AutoComplete.bash("hybridctl", Main.commandLine(InputStream.nullInputStream()));
        if (shell == Shell.zsh) {
            script = "#compdef hybridctl\n"
                    + "autoload -U +X compinit && compinit\n"
                    + "autoload -U +X bashcompinit && bashcompinit\n" + script;
        }
        spec.commandLine().getOut().print(script);
        return 0;
    }
}
