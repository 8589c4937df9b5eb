package io.hybridctl.spec.validate;

import io.hybridctl.spec.diag.RuleCatalog;
import io.hybridctl.spec.compat.CompatibilityMatrix;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.yaml.SourceMap;

import java.util.ArrayList;
import java.util.List;

/** What a rule sees: the model, where each path was written, the compatibility tables, and a place to report. */
public final class ValidationContext {

    private final HybridCluster spec;
    private final SourceMap sources;
    private final CompatibilityMatrix compat;
    private final RuleCatalog catalog;
    private final List<Diagnostic> findings = new ArrayList<>();

    public ValidationContext(HybridCluster spec, SourceMap sources, CompatibilityMatrix compat, RuleCatalog catalog) {
        this.spec = spec;
        this.sources = sources;
        this.compat = compat;
        this.catalog = catalog;
    }

    public HybridCluster spec() {
        return spec;
    }

    public CompatibilityMatrix compat() {
        return compat;
    }

    public SourceMap sources() {
        return sources;
    }

    public void report(String code, String path, String message, String hint) {
        findings.add(new Diagnostic(code, catalog.require(code).severity(), path, sources.locate(path), message, hint));
    }

    public List<Diagnostic> findings() {
        return findings;
    }
}
