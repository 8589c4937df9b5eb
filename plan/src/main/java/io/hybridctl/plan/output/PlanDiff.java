package io.hybridctl.plan.output;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import io.hybridctl.plan.Artifact;
import io.hybridctl.plan.RenderedPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What writing a plan would change in an existing out/, as unified diffs; reads only, writes nothing. */
public final class PlanDiff {

    public record Result(List<String> added, List<String> changed, List<String> removed, String text) {
        public boolean isEmpty() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    private PlanDiff() {
    }

    public static Result against(RenderedPlan plan, Path out) throws OutputException {
        TreeSet<String> existing = new TreeSet<>();
        if (Files.isDirectory(out)) {
            try (Stream<Path> s = Files.walk(out)) {
                s.filter(Files::isRegularFile).forEach(p -> existing.add(out.relativize(p).toString().replace('\\', '/')));
            } catch (IOException e) {
                throw new OutputException(out + " cannot be read (" + OutputTree.reason(e) + ")");
            }
        }
        existing.remove(OutputTree.MARKER);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Artifact a : plan.artifacts().values()) {
            if (!existing.remove(a.path())) {
                added.add(a.path());
                text.append("+++ b/").append(a.path()).append(" (new, ").append(a.content().length).append(" bytes)\n");
                continue;
            }
            byte[] old;
            try {
                old = Files.readAllBytes(out.resolve(a.path()));
            } catch (IOException e) {
                throw new OutputException(out.resolve(a.path()) + " cannot be read (" + OutputTree.reason(e) + ")");
            }
            if (!Arrays.equals(old, a.content())) {
                changed.add(a.path());
                text.append(unified(a.path(), lines(new String(old, java.nio.charset.StandardCharsets.UTF_8)), lines(a.text()), "a/" + a.path()));
            }
        }
        removed.addAll(existing);
        for (String r : removed) {
            text.append("--- a/").append(r).append("\n+++ /dev/null\n(removed)\n");
        }
        text.append(added.size()).append(" added, ").append(changed.size()).append(" changed, ").append(removed.size()).append(" removed\n");
        return new Result(added, changed, removed, text.toString());
    }

    private static String unified(String path, List<String> before, List<String> after, String from) {
        Patch<String> patch = DiffUtils.diff(before, after);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff(from, "b/" + path, before, patch, 3);
        return String.join("\n", lines) + "\n";
    }

    private static List<String> lines(String s) {
        return s.isEmpty() ? List.of() : Arrays.asList(s.split("\n", -1));
    }
}
