package io.kompat.diagnose;

import io.kompat.check.Break;
import io.kompat.matrix.Citation;
import io.kompat.matrix.CompatibilityMatrix;
import io.kompat.predict.Prediction;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The project's code as a check of every predicted install ({@code kompat check --code}): each use the
 * install's Keras or TensorFlow lacks, or that raises there, is a break of kind {@code code}, and a module the
 * code imports that pip does not install fails at import; the era pins of the code (the newest Keras that has
 * every name it uses, the TensorFlow its names need) are what the fix search keeps when the code breaks.
 */
final class CodeCheck extends CodeRead {
    private static final PackageName KERAS = PackageName.of("keras");
    private static final PackageName TENSORFLOW = PackageName.of("tensorflow");

    private final CompatibilityMatrix matrix;
    private final ScanCheck scanner;
    private final List<SourceScanner.Use> uses;
    /** The era pins, worked out once and only when a fix search asks. */
    private List<Requirement> keeps;

    CodeCheck(CompatibilityMatrix matrix, ScanCheck scanner, SourceScanner.Code code) {
        super(code);
        this.matrix = matrix;
        this.scanner = scanner;
        this.uses = code.uses();
    }

    @Override
    public List<Break> breaks(Prediction.Installs install) {
        Map<PackageName, Version> installed = new LinkedHashMap<>();
        install.picks().forEach(p -> p.version().ifPresent(v -> installed.put(p.name(), v)));
        List<ScanReport.Finding> findings = new ArrayList<>();
        scanner.findings(uses, installed, findings, new LinkedHashSet<>());
        List<Break> out = new ArrayList<>();
        for (ScanReport.Finding f : findings) {
            PackageName module = moduleOf(f.use());
            PackageName pkg = matrix.standIn(module == null ? KERAS : module, installed::containsKey);
            Version v = installed.get(pkg);
            String where = f.use().file() + ":" + f.use().line();
            Citation citation = new Citation("your code, " + where, List.of(), f.use().file().toString(), f.use().line(), f.advice(), true);
            out.add(new Break(Break.Kind.CODE, pkg, v, pkg, Optional.ofNullable(v),
                    where + ": " + f.message() + (f.advice() == null ? "" : " (replacement: " + f.advice() + ")"), null, "run", citation));
        }
        missingModules(install, out);
        return out;
    }

    @Override
    public synchronized List<Requirement> keeps() {
        if (keeps == null) {
            Diagnosis.PinSet pins = scanner.scan(uses, new Diagnoser.Options(null, null, null)).pins();
            // Every Keras release with all the names, not only the newest: the fix search then moves the user's pins least.
            String span = scanner.kerasSpan(uses);
            List<Requirement> out = new ArrayList<>();
            if (span != null) {
                out.add(Requirement.parse("keras" + span));
            }
            if (pins != null) {
                for (String pin : pins.requested()) {
                    Requirement r = Requirement.parse(pin);
                    // With a span, the TensorFlow bound of the newest Keras is left to the matrix's pairing rules and
                    // the code check; a TensorFlow line the code's TensorFlow names need stays.
                    if (r.name().equals(KERAS) && span == null) {
                        out.add(r);
                    } else if (r.name().equals(TENSORFLOW) && (span == null || scanner.tensorflowLine(uses) != null)) {
                        out.add(upTo(r));
                    }
                }
            }
            keeps = List.copyOf(out);
        }
        return keeps;
    }

    /**
     * {@code tensorflow<1.16} for the era pin {@code tensorflow==1.15.*}: the code's TensorFlow names are those a line
     * still has, so an earlier line the user pinned (1.14) keeps them too, and the fix search need not move it.
     */
    private static Requirement upTo(Requirement r) {
        var specs = r.specifiers().specifiers();
        if (specs.size() == 1 && specs.get(0).operator().symbol().equals("==") && specs.get(0).toString().endsWith(".*")) {
            Version line = Version.parse(specs.get(0).toString().substring(2, specs.get(0).toString().length() - 2));
            return Requirement.parse(r.name().value() + "<" + line.releasePart(0) + "." + line.releasePart(1).add(java.math.BigInteger.ONE));
        }
        return r;
    }

    /** A module the code uses that the install lacks altogether (tensorflow, keras) fails at import: one break per module. */
    private void missingModules(Prediction.Installs install, List<Break> out) {
        Set<PackageName> names = new HashSet<>();
        install.picks().forEach(p -> names.add(p.name()));
        Set<PackageName> reported = new HashSet<>();
        for (SourceScanner.Use use : uses) {
            PackageName module = moduleOf(use);
            if (module == null || names.contains(matrix.standIn(module, names::contains)) || !reported.add(module)) {
                continue;
            }
            String where = use.file() + ":" + use.line();
            Citation citation = new Citation("your code, " + where, List.of(), use.file().toString(), use.line(), null, true);
            out.add(new Break(Break.Kind.CODE, module, null, module, Optional.empty(), where + ": the code uses " + module.value()
                    + ", which pip does not install", "ModuleNotFoundError: No module named '" + module.value() + "'", "import", citation));
        }
    }

    /** The distribution whose module a use's namespace belongs to: tensorflow (tf.*, tensorflow), keras (keras.*), or null. */
    private static PackageName moduleOf(SourceScanner.Use use) {
        String ns = use.namespace();
        return ns.startsWith("tf") || ns.startsWith("tensorflow") ? TENSORFLOW : ns.equals("keras") || ns.startsWith("keras.") ? KERAS : null;
    }
}
