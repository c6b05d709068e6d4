#!/usr/bin/env python3
"""Prints keras-module-symbols.yaml: which public modules of Keras (keras.layers, keras.optimizers,
keras.utils.np_utils, ...) each release's pip package provides, and the names `from <module> import NAME` can
import from each, computed statically from a clone of keras-team/keras (never by importing Keras).

What the wheel contains differs by era, so each tag is first classified by the files it has:
  * setup.py with find_packages() (1.x-2.4): the wheel is the keras/ source tree; a module ships when its file
    (or package __init__.py) exists and every enclosing directory has an __init__.py.
  * keras/tools/pip_package/ and no pip_build.py (2.6-2.12): the wheel is the Bazel runfiles of keras/; the
    tag's create_pip_helper.py fails the build unless every .py file under keras/ that is not a test
    (*test.py), benchmark (*benchmark.py) or listed in its PIP_EXCLUDED_FILES/DIRS is packaged, and it creates
    an empty __init__.py in every directory that lacks one. keras.<m> is the source module keras/<m>.
  * pip_build.py copying keras/ to keras/src and generating keras/<m>/__init__.py from keras_export (2.13-2.15):
    the public modules and their names are those of the tag's v2 API goldens,
    keras/api/golden/v2/tensorflow.keras.<m>.pbtxt (members and member_methods); a module without a golden
    file (keras.layers.core, keras.utils.np_utils) is not in the wheel.
  * keras/api/ committed (3.3+): keras.<m> is keras/api/<m> (keras/__init__.py appends api/ to __path__;
    from 3.10 pyproject.toml also maps package "keras" to keras/api). A 3.x tag without keras/api/ (3.0-3.2:
    the API is generated at build time) is reported as not analysed.

Names of a source module (first two eras, and keras/api files): the names its top level binds (def, class,
assignment, for/with targets, import, from-import, `from __future__` features), those bound inside top-level
try/if/for/while/with blocks (every branch counted), less the names an unconditional top-level `del` removes;
`from X import *` with X inside keras is resolved recursively (X's static __all__ when it has one, else X's
public names, plus the submodules X's own imports load when X is a package); for a package, every submodule
that ships (a .py file or a subpackage) is importable by name as well. A module whose names depend on an
external package (`from keras_preprocessing.image import *`, `from tensorflow.keras.layers import *`) or on
code run at import (`globals().update(...)`) gets no entry, only a comment with what it does and the names it
certainly has. A module that does not ship is printed with `absent: true` and the
directory it would be in as `source`.

Usage: scripts/gen-keras-module-symbols.py KERAS_GIT_DIR [TAG...] > compatibility-matrix/keras-module-symbols.yaml
  Without TAGs: 1.0.0, the last tag of each 1.x minor, every 2.0.0-2.4.x tag, 2.5.0rc0 if tagged, the first
  final tag of each minor 2.6-2.15 and 3.x, and 3.15.1 (tags may be spelled vX.Y.Z).
"""
import ast
import fnmatch
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tagged  # noqa: E402

MODULES = [
    "keras.layers", "keras.layers.core", "keras.layers.convolutional", "keras.layers.recurrent",
    "keras.layers.normalization", "keras.layers.merge", "keras.layers.advanced_activations",
    "keras.layers.embeddings", "keras.layers.pooling", "keras.layers.wrappers", "keras.layers.noise",
    "keras.models", "keras.optimizers", "keras.callbacks", "keras.utils", "keras.utils.np_utils",
    "keras.utils.generic_utils", "keras.utils.data_utils", "keras.utils.vis_utils", "keras.utils.layer_utils",
    "keras.utils.conv_utils", "keras.preprocessing.image", "keras.preprocessing.sequence",
    "keras.preprocessing.text", "keras.wrappers.scikit_learn", "keras.applications", "keras.regularizers",
    "keras.initializers", "keras.initializations", "keras.activations", "keras.losses", "keras.objectives",
    "keras.metrics", "keras.constraints", "keras.legacy",
]
REPO = "https://github.com/keras-team/keras"


def run_git(git_dir, *args):
    return subprocess.run(["git", "--git-dir", git_dir, *args], capture_output=True, text=True).stdout


def vkey(tag):
    """Sort key of a release tag: (major, minor, patch, is_final, pre-release number)."""
    m = re.fullmatch(r"v?(\d+)\.(\d+)\.(\d+)(?:-?rc(\d+))?", tag)
    if not m:
        return None
    return (int(m[1]), int(m[2]), int(m[3]), m[4] is None, int(m[4] or 0))


def default_tags(git_dir):
    """The release selection of the docstring, from the tags of the clone."""
    tags = {t: vkey(t) for t in run_git(git_dir, "tag").split()}
    tags = {t: k for t, k in tags.items() if k is not None}
    finals = sorted((k, t) for t, k in tags.items() if k[3])
    chosen = set()
    by_minor = {}
    for k, t in finals:
        by_minor.setdefault(k[:2], []).append(t)
    for (major, minor), ts in by_minor.items():
        if major == 1:
            chosen.add(ts[-1])
            if minor == 0:
                chosen.add(ts[0])
        elif major == 2 and minor <= 4:
            chosen.update(ts)
        elif (major == 2 and minor >= 6) or major == 3:
            chosen.add(ts[0])
    chosen.update(t for t, k in tags.items() if k[:3] == (2, 5, 0) and not k[3] and k[4] == 0)
    chosen.update(t for t, k in tags.items() if k[:3] == (3, 15, 1) and k[3])
    return sorted(chosen, key=vkey)


class Release:
    """The files of one tag, and the era of its pip packaging."""

    def __init__(self, git_dir, tag):
        self.git_dir, self.tag = git_dir, tag
        self.version = tag[1:] if tag.startswith("v") else tag
        self.files = set(run_git(git_dir, "ls-tree", "-r", "--name-only", tag).split("\n")) - {""}
        self.dirs = {os.path.dirname(f) for f in self.files}
        for d in list(self.dirs):
            while d:
                d = os.path.dirname(d)
                self.dirs.add(d)
        self.cache = {}
        self.memo = {}
        self.era, self.evidence = self.classify()
        self.excluded_files, self.excluded_dirs = self.pip_exclusions()

    def show(self, path):
        if path not in self.cache:
            self.cache[path] = tagged.show(self.git_dir, self.tag, path) if path in self.files else None
        return self.cache[path]

    def url(self, path, directory=False):
        return f"{REPO}/{'tree' if directory else 'blob'}/{self.tag}/{path}"

    def classify(self):
        setup = self.show("setup.py") or ""
        pip_build = self.show("pip_build.py") or ""
        if "keras/api/__init__.py" in self.files and "keras/src/__init__.py" in self.files:
            pyproject = self.show("pyproject.toml") or ""
            how = ("pyproject.toml maps package keras to keras/api" if '"keras" = "keras/api"' in pyproject
                   else "keras/__init__.py appends keras/api to __path__")
            return "api", f"keras/api/ committed; {how}"
        if self.version.startswith("3."):
            return "unanalysed", "no keras/api/ at the tag: pip_build.py generates the public API at build time"
        if "SRC_DIRNAME" in pip_build and "keras/api/golden/v2/tensorflow.keras.pbtxt" in self.files:
            return "golden", "pip_build.py copies keras/ to keras/src and generates keras/<m>/__init__.py from keras_export"
        if "keras/tools/pip_package/build_pip_package.sh" in self.files:
            return "bazel", "keras/tools/pip_package/build_pip_package.sh + create_pip_helper.py"
        if "find_packages(" in setup:
            return "source", "setup.py packages=find_packages()"
        return "unanalysed", "no known packaging layout"

    def pip_exclusions(self):
        """PIP_EXCLUDED_FILES / PIP_EXCLUDED_DIRS of the tag's create_pip_helper.py (Bazel era)."""
        if self.era != "bazel":
            return set(), set()
        found = {"PIP_EXCLUDED_FILES": set(), "PIP_EXCLUDED_DIRS": set()}
        tree = ast.parse(self.show("keras/tools/pip_package/create_pip_helper.py") or "")
        for n in tree.body:
            if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name) and n.targets[0].id in found:
                found[n.targets[0].id] = {c.value for c in ast.walk(n.value) if isinstance(c, ast.Constant)
                                          and isinstance(c.value, str)}
        return found["PIP_EXCLUDED_FILES"], found["PIP_EXCLUDED_DIRS"]

    # ---- which files ship -------------------------------------------------------------------------
    def ships(self, path):
        """Whether the source file `path` is in the wheel (source and Bazel eras)."""
        if path not in self.files or not path.endswith(".py"):
            return False
        if self.era == "source":
            d = os.path.dirname(path)
            while d:  # find_packages: every enclosing directory must be a package
                if d + "/__init__.py" not in self.files:
                    return False
                d = os.path.dirname(d)
            return True
        if self.era == "bazel":
            name = os.path.basename(path)
            if name != "__init__.py" and (fnmatch.fnmatch(name, "*test.py") or fnmatch.fnmatch(name, "*benchmark.py")):
                return False
            if path in self.excluded_files or any(path.startswith(d + "/") for d in self.excluded_dirs):
                return False
            return not path.startswith("keras/tools/")
        return False

    def package_dir(self, directory):
        """Whether `directory` is a package of the wheel (source and Bazel eras)."""
        if self.era == "source":
            return self.ships(directory + "/__init__.py")
        # Bazel era: every directory holding a shipped file gets an __init__.py
        return any(f.startswith(directory + "/") and self.ships(f) for f in self.files)

    def module_path(self, module):
        """(path, is_package) of the file that `import module` loads, or None when it does not ship."""
        base = module.replace(".", "/")
        if self.package_dir(base):
            init = base + "/__init__.py"
            return (init if init in self.files else None, True)
        if self.ships(base + ".py"):
            return base + ".py", False
        return None

    def submodules(self, directory):
        out = set()
        for f in self.files:
            if os.path.dirname(f) == directory and f.endswith(".py") and not f.endswith("/__init__.py") \
                    and self.ships(f):
                out.add(os.path.basename(f)[:-3])
        for d in self.dirs:
            if os.path.dirname(d) == directory and self.package_dir(d):
                out.add(os.path.basename(d))
        return out

    # ---- names of a source module -----------------------------------------------------------------
    def namespace(self, module):
        """Names of a shipped source module: dict(names, unknown, all, loaded) or None if it does not ship."""
        if module in self.memo:
            return self.memo[module]
        self.memo[module] = None  # a cycle of star imports adds nothing
        found = self.module_path(module)
        if found is None:
            return None
        path, is_package = found
        ns = {"names": set(), "unknown": [], "all": None, "loaded": set(), "path": path, "package": is_package}
        if path is not None:
            text = self.show(path)
            try:
                tree = ast.parse(text)
            except SyntaxError as e:
                ns["unknown"].append(f"{path} does not parse as Python 3 ({e.msg}, line {e.lineno})")
                tree = ast.Module(body=[], type_ignores=[])
            Binder(self, module, is_package, ns).block(tree.body, conditional=False)
        if is_package:
            ns["names"] |= self.submodules(module.replace(".", "/"))
        self.memo[module] = ns
        return ns

    def exports(self, module):
        """What `from module import *` binds, or None if not computable (dict with names and unknown)."""
        ns = self.namespace(module)
        if ns is None:
            return {"names": set(), "unknown": [f"`from {module} import *`: {module} does not ship"]}
        if ns["all"] is not None:
            return {"names": set(ns["all"]), "unknown": ns["unknown"]}
        own = {n for n in ns["names"] if not n.startswith("_")}
        if ns["package"]:  # submodules are attributes only once loaded
            own -= self.submodules(module.replace(".", "/")) - ns["loaded"]
        return {"names": own, "unknown": ns["unknown"]}


class Binder:
    """Collects the names the top level of one module binds."""

    def __init__(self, release, module, is_package, ns):
        self.release, self.module, self.is_package, self.ns = release, module, is_package, ns

    def resolve(self, node):
        if node.level == 0:
            return node.module
        parts = self.module.split(".")
        package = parts if self.is_package else parts[:-1]
        package = package[: len(package) - (node.level - 1)]
        return ".".join(package + ([node.module] if node.module else []))

    def loaded(self, target):
        """Records a submodule of this package that an import loads (it becomes an attribute)."""
        if self.is_package and target.startswith(self.module + "."):
            self.ns["loaded"].add(target[len(self.module) + 1:].split(".")[0])

    def targets(self, node):
        return {e.id for e in ast.walk(node) if isinstance(e, ast.Name) and isinstance(e.ctx, ast.Store)}

    def dunder_all(self, value, extend):
        items = None
        if isinstance(value, (ast.List, ast.Tuple)) and all(isinstance(e, ast.Constant) and isinstance(e.value, str)
                                                            for e in value.elts):
            items = [e.value for e in value.elts]
        if items is None:
            self.ns["unknown"].append(f"{self.ns['path']}: __all__ is not a literal list")
            self.ns["all"] = None
        elif extend and self.ns["all"] is not None:
            self.ns["all"] = self.ns["all"] + items
        else:
            self.ns["all"] = items

    def block(self, statements, conditional):
        names = self.ns["names"]
        for n in statements:
            if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.add(n.name)
                continue
            compound = (ast.If, ast.Try, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith)
            for call in ([] if isinstance(n, compound) or type(n).__name__ == "TryStar" else ast.walk(n)):
                if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in ("globals", "vars", "locals"):
                    if not any(isinstance(x, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))
                               for x in ast.walk(n)):
                        self.ns["unknown"].append(f"{self.ns['path']} line {n.lineno}: module-level "
                                                  f"`{ast.unparse(n).splitlines()[0][:80]}` binds names at import time")
                        break
            if isinstance(n, ast.Import):
                for a in n.names:
                    names.add(a.asname or a.name.split(".")[0])
                    self.loaded(a.name)
            elif isinstance(n, ast.ImportFrom):
                base = self.resolve(n)
                self.loaded(base)
                for a in n.names:
                    if a.name != "*":
                        names.add(a.asname or a.name)
                        self.loaded(base + "." + a.name)
                    elif base == "keras" or base.startswith("keras."):
                        sub = self.release.exports(base)
                        names.update(sub["names"])
                        self.ns["unknown"].extend(sub["unknown"])
                    else:
                        self.ns["unknown"].append(f"{self.ns['path']} line {n.lineno}: `from {base} import *` "
                                                  "(external package)")
            elif isinstance(n, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
                targets = n.targets if isinstance(n, ast.Assign) else [n.target]
                for t in targets:
                    names.update(self.targets(t))
                    if isinstance(t, ast.Name) and t.id == "__all__" and n.value is not None:
                        self.dunder_all(n.value, extend=isinstance(n, ast.AugAssign))
            elif isinstance(n, ast.Try) or type(n).__name__ == "TryStar":
                for b in [n.body, n.orelse, n.finalbody] + [h.body for h in n.handlers]:
                    self.block(b, conditional=True)
                names.update(h.name for h in n.handlers if h.name)
            elif isinstance(n, ast.If):
                self.block(n.body, True)
                self.block(n.orelse, True)
            elif isinstance(n, (ast.For, ast.AsyncFor)):
                names.update(self.targets(n.target))
                self.block(n.body, True)
                self.block(n.orelse, True)
            elif isinstance(n, ast.While):
                self.block(n.body, True)
                self.block(n.orelse, True)
            elif isinstance(n, (ast.With, ast.AsyncWith)):
                for item in n.items:
                    if item.optional_vars is not None:
                        names.update(self.targets(item.optional_vars))
                self.block(n.body, conditional)
            elif isinstance(n, ast.Delete) and not conditional:
                for t in n.targets:
                    if isinstance(t, ast.Name):
                        names.discard(t.id)


# ---- the four eras -------------------------------------------------------------------------------------
def source_entry(rel, module):
    ns = rel.namespace(module)
    if ns is None:
        return None
    path = ns["path"] or module.replace(".", "/")
    entry = {"source": rel.url(path, directory=ns["path"] is None)}
    if ns["path"] is None:
        entry["detail"] = "directory without __init__.py in the tag: create_pip_helper.py adds an empty one"
    if ns["unknown"]:
        entry["names"] = None
        entry["known_names"] = sorted(ns["names"])
        entry["detail"] = "names not computed statically: " + "; ".join(dict.fromkeys(ns["unknown"]))
    else:
        entry["names"] = sorted(ns["names"])
    return entry


def golden_entry(rel, module):
    path = f"keras/api/golden/v2/tensorflow.{module}.pbtxt"
    text = rel.show(path)
    if text is None or "tf_module" not in text:
        return None
    return {"names": sorted(set(re.findall(r'^\s+name:\s+"(\w+)"', text, re.M))), "source": rel.url(path),
            "detail": "wheel's keras/" + module[6:].replace(".", "/") + "/__init__.py is generated from keras_export;"
                      " names from the v2 API golden"}


def api_entry(rel, module):
    directory = "keras/api/" + "/".join(module.split(".")[1:])
    init = directory + "/__init__.py"
    if init not in rel.files:
        return None
    names = set()
    ns = {"names": names, "unknown": [], "all": None, "loaded": set(), "path": init, "package": True}
    Binder(rel, module, True, ns).block(ast.parse(rel.show(init)).body, conditional=False)
    for f in rel.files:
        if os.path.dirname(f) == directory and f.endswith(".py") and f != init:
            names.add(os.path.basename(f)[:-3])
        elif os.path.dirname(os.path.dirname(f)) == directory and f.endswith("/__init__.py"):
            names.add(os.path.basename(os.path.dirname(f)))
    entry = {"names": sorted(names), "source": rel.url(init)}
    if ns["unknown"]:
        entry["names"], entry["known_names"] = None, sorted(names)
        entry["detail"] = "names not computed statically: " + "; ".join(dict.fromkeys(ns["unknown"]))
    return entry


def absent_source(rel, module):
    if rel.era == "golden":
        return rel.url("keras/api/golden/v2", directory=True)
    parent = module.split(".")[1:-1]
    root = "keras/api" if rel.era == "api" else "keras"
    # the nearest enclosing directory that exists at the tag
    while parent and "/".join([root] + parent) not in rel.dirs:
        parent = parent[:-1]
    return rel.url("/".join([root] + parent), directory=True)


HEADER = """\
# Names each public module of the keras pip package provides, per analysed release (keras.layers, keras.layers.core,
# keras.optimizers, keras.utils.np_utils, keras.preprocessing.image, ...): `import <namespace>` works when an entry
# has names; `absent: true` means the release's wheel has no such module (source: the directory it would be in).
# Computed statically from the tagged sources of keras-team/keras, not by importing, following how each era builds
# its wheel: the source tree (1.x-2.4, setup.py find_packages), the Bazel runfiles of keras/ (2.6-2.12), the v2 API
# goldens that pip_build.py's generated keras/<m>/__init__.py match (2.13-2.15), the committed keras/api/ (3.3+).
# Top-level bindings count (every try/if branch), star imports inside keras are resolved, submodules that ship count.
# A module whose names come from an external package or from code run at import time has no entry, only a comment
# saying why (kompat then checks none of its names for that release). 3.0-3.2 are not analysed (no keras/api/ at
# the tag); 2.4.1-2.4.3 and 2.5.0rc0 have no tag. Generated by scripts/gen-keras-module-symbols.py.
schema: kompat.matrix/1
symbols:
"""


def quote(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    git_dir = sys.argv[1]
    tags = sys.argv[2:] or default_tags(git_dir)
    print(HEADER, end="")
    for tag in tags:
        rel = Release(git_dir, tag)
        if rel.era == "unanalysed":
            print(f"  # {rel.version} ({tag}): not analysed: {rel.evidence}")
            continue
        print(f"  # {rel.version} ({tag}): {rel.evidence}")
        for module in MODULES:
            if rel.era in ("source", "bazel"):
                entry = source_entry(rel, module)
            elif rel.era == "golden":
                entry = golden_entry(rel, module)
            else:
                entry = api_entry(rel, module)
            out = [f"  - package: keras", f"    version: \"{rel.version}\"", f"    namespace: {module}"]
            if entry is None:
                out += ["    absent: true", "    names: []", f"    source: {absent_source(rel, module)}"]
            else:
                if entry.get("detail"):
                    out.append(f"    detail: {quote(entry['detail'])}")
                if entry["names"] is None:
                    # Not listed: with no entry, kompat checks no name of the module for the release.
                    print(f"  # {rel.version} {module}: not listed ({entry['detail']}; names it certainly has:"
                          f" {', '.join(entry['known_names']) or 'none known'})")
                    continue
                else:
                    out.append("    names: [" + ", ".join(quote(n) for n in entry["names"]) + "]")
                out.append(f"    source: {entry['source']}")
            print("\n".join(out))


if __name__ == "__main__":
    main()
