package io.hybridctl.spec.load;

import io.hybridctl.spec.compat.CompatibilityMatrix;
import io.hybridctl.spec.diag.Diagnostic;
import io.hybridctl.spec.diag.Location;
import io.hybridctl.spec.diag.Report;
import io.hybridctl.spec.diag.Severity;
import io.hybridctl.spec.model.HybridCluster;
import io.hybridctl.spec.schema.StructuralCheck;
import io.hybridctl.spec.validate.Validator;
import io.hybridctl.spec.yaml.SourceMap;
import io.hybridctl.spec.yaml.YamlLimits;
import io.hybridctl.spec.yaml.YamlReadException;
import io.hybridctl.spec.yaml.YamlTreeReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pipeline from a file to a validated model: read with limits, check structure, map to records, run every rule.
 * Each stage keeps going after problems so one run reports all of them.
 */
public final class SpecLoader {

    public static final String UNREADABLE = "SPEC009";

    private final YamlLimits limits;
    private final Validator validator;

    public SpecLoader() {
        this(YamlLimits.DEFAULT, CompatibilityMatrix.bundled());
    }

    public SpecLoader(YamlLimits limits, CompatibilityMatrix compat) {
        this.limits = limits;
        this.validator = new Validator(compat);
    }

    public LoadResult load(Path file) {
        String name = file.toString();
        SourceMap sources = new SourceMap(name);
        byte[] content;
        try {
            if (Files.isDirectory(file)) {
                return fatal(sources, new Diagnostic(UNREADABLE, Severity.ERROR, "", Location.ofFile(name), name + " is a directory", "pass the spec file, e.g. -f " + file.resolve("cluster.yaml")));
            }
            if (Files.exists(file) && Files.size(file) > limits.maxBytes()) {
                return fatal(sources, new Diagnostic(YamlTreeReader.LIMIT, Severity.ERROR, "", Location.ofFile(name),
                        "the file is " + Files.size(file) + " bytes, over the limit of " + limits.maxBytes(), "a HybridCluster spec is far smaller; check the path"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
            }
        } catch (IOException e) {
            String why = Files.exists(file) ? "cannot be read (" + e.getClass().getSimpleName() + ")" : "does not exist";
            return fatal(sources, new Diagnostic(UNREADABLE, Severity.ERROR, "", Location.ofFile(name), name + " " + why,
                    "check the path; `hybridctl init` writes a starter spec"));
        }
        Path baseDir = file.toAbsolutePath().getParent();
        return load(name, content, baseDir == null ? Path.of(".") : baseDir);
    }

    public LoadResult load(String name, byte[] content, Path baseDir) {
        // About one located path per 16 bytes of YAML: sized up front, the map is not rehashed as it grows.
        SourceMap sources = new SourceMap(name, content.length / 16);
        YamlTreeReader.Result tree;
        try {
            tree = new YamlTreeReader(limits).read(name, content);
        } catch (YamlReadException e) {
            return fatal(sources, new Diagnostic(e.code(), Severity.ERROR, "", e.location(), e.getMessage(), e.hint()));
        }
        List<Diagnostic> all = new ArrayList<>(tree.diagnostics());
        List<Diagnostic> structural = new StructuralCheck(sources).check(tree.root());
        all.addAll(structural);
        ModelMapper mapper = new ModelMapper(sources, baseDir);
        HybridCluster spec = mapper.map(tree.root());
        if (structural.stream().noneMatch(SpecLoader::missingSection)) {
            all.addAll(mapper.diagnostics());
            all.addAll(validator.validate(spec, sources));
        }
        return new LoadResult(Optional.of(spec), sources, new Report(all, false));
    }

    /**
     * Without a whole section (or with the document not a mapping at all) every rule would report the gap again in
     * its own words; the structural error alone says it best.
     */
    private static boolean missingSection(Diagnostic d) {
        String p = d.path();
        if (d.code().equals(StructuralCheck.MISSING)) {
            return p.isEmpty() || p.equals("spec");
        }
        boolean section = p.isEmpty() || p.equals("spec") || (p.startsWith("spec.") && p.indexOf('.', 5) < 0 && !p.contains("["));
        return section && d.code().equals(StructuralCheck.WRONG_TYPE);
    }

    private static LoadResult fatal(SourceMap sources, Diagnostic d) {
        return new LoadResult(Optional.empty(), sources, new Report(List.of(d), true));
    }
}
