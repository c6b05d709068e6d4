package io.kompat.manifest;

import java.util.ArrayList;
import java.util.List;

/** A stable text rendering of a manifest for golden files. */
final class ManifestDump {
    private ManifestDump() {
    }

    static String dump(Manifest m) {
        List<String> out = new ArrayList<>();
        out.add("format: " + m.format());
        out.add("files: " + String.join(", ", m.files()));
        IndexOptions o = m.indexOptions();
        out.add("options: index-url=" + o.indexUrl() + " extra-index-urls=" + o.extraIndexUrls() + " find-links=" + o.findLinks()
                + " no-index=" + o.noIndex() + " pre=" + o.pre() + " prefer-binary=" + o.preferBinary()
                + " only-binary=" + new java.util.TreeSet<>(o.onlyBinary()) + " no-binary=" + new java.util.TreeSet<>(o.noBinary())
                + " trusted-hosts=" + o.trustedHosts() + " require-hashes=" + o.requireHashes());
        out.add("conda: name=" + m.condaName() + " channels=" + m.condaChannels());
        out.add("target hints: python=" + m.pythonHint() + " platform=" + m.platformHint());
        for (ManifestEntry e : m.entries()) {
            StringBuilder sb = new StringBuilder("entry ").append(e.location()).append(' ').append(e.kind()).append(' ')
                    .append(e.origin()).append(" name=").append(e.name()).append(" spec='").append(e.specifiers()).append('\'');
            if (!e.extras().isEmpty()) {
                sb.append(" extras=").append(e.extras());
            }
            if (e.marker() != null) {
                sb.append(" marker='").append(e.marker()).append('\'');
            }
            if (e.url() != null) {
                sb.append(" url=").append(e.url());
            }
            if (e.editable()) {
                sb.append(" editable");
            }
            if (!e.hashes().isEmpty()) {
                sb.append(" hashes=").append(e.hashes().size());
            }
            if (!e.options().isEmpty()) {
                sb.append(" options=").append(new java.util.TreeMap<>(e.options()));
            }
            if (e.conda() != null) {
                ManifestEntry.CondaDetails c = e.conda();
                sb.append(" conda=").append(c.condaName()).append(" version=").append(c.version()).append(" build=")
                        .append(c.build()).append(" channel=").append(c.channel()).append(c.nativeOnly() ? " conda-only" : "");
            }
            e.uncheckableReason().ifPresent(r -> sb.append(" UNCHECKED(").append(r).append(')'));
            out.add(sb.toString());
        }
        for (Diagnostic d : m.diagnostics()) {
            out.add("diagnostic " + d.oneLine());
        }
        return String.join("\n", out) + "\n";
    }
}
