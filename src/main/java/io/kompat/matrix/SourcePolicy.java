package io.kompat.matrix;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which sources a fact may rest on. Release metadata is quoted from what pip sees (setup.py or pyproject.toml
 * at the release tag, wheel METADATA, pip's messages, PyPI's pages); Spack's packages, a conda recipe's own
 * requirements, blogs and answers are leads to a fact, never its source. And a source is pinned: a blob at a
 * tag or commit, a release or tag page, an issue or pull request, a commit, a release's PyPI page, versioned
 * documentation — never a branch, whose text changes under the citation.
 */
public final class SourcePolicy {
    private SourcePolicy() {
    }

    private record Rule(Pattern pattern, String why) {
    }

    private static final List<Rule> LEADS = List.of(
            new Rule(Pattern.compile("^https?://(github\\.com/spack/|packages\\.spack\\.io/|spack\\.readthedocs\\.io/)"), "Spack's package"),
            new Rule(Pattern.compile("/recipe/meta\\.yaml|^https?://anaconda\\.org/"), "a conda recipe's own requirements"),
            new Rule(Pattern.compile("^https?://([a-z.]*\\.)?(stackoverflow\\.com|stackexchange\\.com|superuser\\.com)/"), "an answer"),
            new Rule(Pattern.compile("^https?://([a-z.]*\\.)?(medium\\.com|towardsdatascience\\.com|blogspot\\.com)/|^https?://blog\\.|/blog/"),
                    "a blog"));

    private static final String REF = "([0-9a-f]{7,40}|v?[0-9]+(\\.[0-9]+)*([.-]?(a|b|rc|post|dev)\\.?[0-9]*)?|rel-[0-9A-Za-z.]+|[A-Za-z0-9_.+-]*-v?[0-9]+(\\.[0-9]+)+)";
    private static final List<Pattern> PINNED = List.of(
            Pattern.compile("^https://github\\.com/[^/]+/[^/]+/(blob|tree|raw)/" + REF + "(/|#|$)"),
            Pattern.compile("^https://raw\\.githubusercontent\\.com/[^/]+/[^/]+/" + REF + "/"),
            Pattern.compile("^https://github\\.com/[^/]+/[^/]+/(issues|pull|discussions)/[0-9]+"),
            Pattern.compile("^https://github\\.com/[^/]+/[^/]+/releases/tag/[^/]+$"),
            Pattern.compile("^https://github\\.com/[^/]+/[^/]+/commit/[0-9a-f]{7,40}"),
            Pattern.compile("^https://github\\.com/[^/]+/[^/]+/compare/[^/]+\\.\\.\\.?[^/]+$"),
            Pattern.compile("^https://pypi\\.org/project/[^/]+/[0-9][^/#]*/?(#.*)?$"),
            Pattern.compile("^https://(www\\.)?tensorflow\\.org/versions/r[0-9.]+/"));

    /** Why {@code url} can only lead to release metadata (Spack, a recipe, an answer, a blog), or null when it may be its source. */
    public static String lead(String url) {
        for (Rule r : LEADS) {
            if (r.pattern().matcher(url).find()) {
                return r.why();
            }
        }
        return null;
    }

    /** Whether {@code url} names a fixed text: a tag- or commit-pinned file, a release page, an issue or pull request. */
    public static boolean pinned(String url) {
        return PINNED.stream().anyMatch(p -> p.matcher(url).find());
    }

    /**
     * The problem with a fact whose every source is a lead, or null: {@code what} names the fact
     * ({@code requires-dist of tensorflow 2.4.0}).
     */
    public static String onlyLeads(String what, List<String> urls) {
        if (urls.isEmpty() || urls.stream().anyMatch(u -> lead(u) == null)) {
            return null;
        }
        return what + " rests only on " + lead(urls.get(0)) + " (" + urls.get(0)
                + "), a lead, never a source: quote setup.py or pyproject.toml at the release tag, the wheel's METADATA or pip's own messages";
    }
}
