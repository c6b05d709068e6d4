package io.kompat.manifest;

import io.kompat.requirement.InvalidRequirementException;
import io.kompat.requirement.Marker;
import io.kompat.requirement.PackageName;
import io.kompat.requirement.Requirement;
import io.kompat.version.SpecifierSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the requirement part of a requirements-file line into its parts the way pip's
 * {@code parse_req_from_line} does: a PEP 508 requirement, or a URL (VCS, archive, wheel) or local path,
 * named by its {@code #egg=} fragment or wheel file name when it has one.
 */
final class PipRequirementLine {
    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "file", "ftp");
    private static final Set<String> VCS = Set.of("git", "hg", "svn", "bzr");
    private static final List<String> ARCHIVES = List.of(".whl", ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz",
            ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma");
    private static final Pattern EGG = Pattern.compile("[#&]egg=([^&]*)");
    private static final Pattern CONDA_STYLE = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)\\s*=\\s*([^=<>!~\\s;]+)(=[^=\\s;]*)?\\s*$");
    private static final List<String> OPERATORS = List.of("==", "!=", "<=", ">=", "~=", "<", ">", "===");

    /** The parts of a line; {@code requirement} is null for unnamed URLs and paths. */
    record Parts(Requirement requirement, String url, Marker marker) {
    }

    private PipRequirementLine() {
    }

    /**
     * Parses {@code text}; throws {@link InvalidRequirementException} (with a pip-like hint in its reason)
     * when it is neither a requirement nor a URL or path.
     */
    static Parts parse(String text) {
        boolean url = isUrl(text);
        // pip splits the marker off first: at "; " after a URL (URLs may hold ';'), else at ';'.
        String sep = url ? "; " : ";";
        int cut = text.indexOf(sep);
        String body = (cut >= 0 ? text.substring(0, cut) : text).strip();
        Marker marker = cut >= 0 ? marker(text, cut + sep.length()) : null;
        if (url) {
            return new Parts(nameFromLink(body), body, marker);
        }
        boolean pep508Url = body.contains("@") && !looksLikePath(body.substring(0, body.indexOf('@')));
        if (looksLikeArchive(body) && !pep508Url) {
            return new Parts(nameFromLink(body), body, marker);
        }
        try {
            Requirement r = Requirement.parse(body);
            return new Parts(r, r.url().orElse(null), marker);
        } catch (InvalidRequirementException e) {
            // pip installs a path-looking line that is no requirement as a local project directory.
            if (looksLikePath(body) && !pep508Url) {
                return new Parts(null, body, marker);
            }
            throw e;
        }
    }

    private static Marker marker(String text, int from) {
        int start = from;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        String m = text.substring(start).strip();
        if (m.isEmpty()) {
            return null;
        }
        try {
            return Marker.parse(m);
        } catch (InvalidRequirementException e) {
            throw new InvalidRequirementException(text, start + e.position(), e.reason());
        }
    }

    /** A hint for a line pip would reject, such as {@code tensorflow=1.15} (conda's single {@code =}). */
    static String hintFor(String text) {
        Matcher m = CONDA_STYLE.matcher(text);
        if (m.matches()) {
            return "did you mean " + m.group(1) + "==" + m.group(2) + "?";
        }
        if (text.contains("=") && OPERATORS.stream().noneMatch(text::contains)) {
            return "= is not a valid operator; did you mean == ?";
        }
        if (text.contains("/") || text.contains("\\")) {
            return "it looks like a path; no such file or directory";
        }
        return null;
    }

    static boolean isUrl(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        if (URL_SCHEMES.contains(scheme) || VCS.contains(scheme)) {
            return true;
        }
        int plus = scheme.indexOf('+');
        return plus > 0 && VCS.contains(scheme.substring(0, plus));
    }

    private static boolean looksLikePath(String text) {
        return text.contains("/") || text.contains("\\") || text.startsWith(".");
    }

    private static boolean looksLikeArchive(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return ARCHIVES.stream().anyMatch(lower::endsWith);
    }

    /** The requirement a URL or path stands for: from a wheel file name or an {@code #egg=} fragment. */
    private static Requirement nameFromLink(String link) {
        String path = link.split("[#?]", 2)[0];
        String file = path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
        if (file.endsWith(".whl")) {
            String[] parts = file.substring(0, file.length() - 4).split("-");
            if ((parts.length == 5 || parts.length == 6) && PackageName.isValid(parts[0])) {
                return Requirement.parse(parts[0].replace('_', '-') + "==" + parts[1].replace('_', '-'));
            }
            throw new InvalidRequirementException(link, link.indexOf(file), "invalid wheel file name '" + file + "'");
        }
        Matcher egg = EGG.matcher(link);
        if (egg.find() && !egg.group(1).isEmpty()) {
            return Requirement.parse(egg.group(1));
        }
        return null;
    }

    static SpecifierSet specifiersOf(Requirement r) {
        return r == null ? SpecifierSet.any() : r.specifiers();
    }
}
