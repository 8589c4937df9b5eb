package io.hybridctl.spec.load;

import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.yaml.SourceMap;

import java.util.List;
import java.util.Optional;

/**
 * What loading a spec gave: the model (absent only when the file could not be read or parsed), where everything was
 * written, and every diagnostic found on the way.
 */
public record LoadResult(Optional<HybridCluster> spec, SourceMap sources, Report report) {

    public List<Diagnostic> diagnostics() {
        return report.diagnostics();
    }

    /** The model when the spec has no errors, for commands that must refuse an invalid design. */
    public Optional<HybridCluster> validSpec() {
        return report.hasErrors() ? Optional.empty() : spec;
    }
}
