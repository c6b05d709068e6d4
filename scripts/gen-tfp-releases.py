#!/usr/bin/env python3
"""Prints release facts of tensorflow-probability read at its release tags in a clone of tensorflow/probability.

  scripts/gen-tfp-releases.py GIT_DIR            > compatibility-matrix/releases-tensorflow-probability.yaml
  scripts/gen-tfp-releases.py GIT_DIR --checks   (the runtime TensorFlow check of each tag, for tensorflow-probability.yaml)

Per tag, read statically (nothing is imported or run):
  * the version: MAJOR/MINOR/PATCH/_VERSION_SUFFIX of tensorflow_probability/python/version.py;
  * Requires-Dist: REQUIRED_PACKAGES of setup.py (from 0.15 of required_packages.py, which setup.py imports), and
    extras_require, with the names setup.py binds under `if release:` (what a release build, `--release`, uses);
  * Requires-Python: python_requires of setup.py;
  * the date: the committer date of the tagged commit (the tags are lightweight);
  * with --checks: required_tensorflow_version of the TensorFlow check run at import (tensorflow_probability/
    __init__.py up to 0.11, tensorflow_probability/python/__init__.py from 0.12).
Tags are spelled irregularly (v0.7, 0.8.0): the list below is the final-release tags of the repository.
"""
import ast
import subprocess
import sys

TAGS = ["v0.5.0", "v0.6.0", "v0.7", "0.8.0", "v0.9.0", "v0.10.0", "v0.10.1", "v0.11.0", "v0.11.1", "v0.12.0",
        "v0.12.1", "v0.12.2", "v0.13.0", "v0.14.0", "v0.14.1", "v0.15.0", "v0.16.0", "v0.17.0", "v0.18.0",
        "v0.19.0", "v0.20.0", "v0.21.0", "v0.22.0", "v0.22.1", "v0.23.0", "v0.24.0", "v0.25.0"]
BLOB = "https://github.com/tensorflow/probability/blob/"


def show(git, tag, path):
    r = subprocess.run(["git", "--git-dir", git, "show", f"{tag}:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def date(git, tag):
    return subprocess.run(["git", "--git-dir", git, "log", "-1", "--format=%cs", f"{tag}^{{commit}}"],
                          capture_output=True, text=True, check=True).stdout.strip()


def release_names(tree):
    """Module-level string names, the `if release:` branch winning over the top level."""
    names = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for t in node.targets:
                if isinstance(t, ast.Name):
                    names.setdefault(t.id, node.value.value)
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "release":
            for sub in node.body:
                if isinstance(sub, ast.Assign) and isinstance(sub.value, ast.Constant):
                    for t in sub.targets:
                        names[t.id] = sub.value.value
    return names


def value(node, names):
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return names[node.id]
    if isinstance(node, (ast.List, ast.Tuple)):
        return [value(e, names) for e in node.elts]
    if isinstance(node, ast.Dict):
        return {value(k, names): value(v, names) for k, v in zip(node.keys, node.values)}
    raise ValueError(ast.dump(node))


def assigned(tree, name, names):
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return value(node.value, names)
    return None


def setup_keywords(tree, names):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setup":
            return {k.arg: k.value for k in node.keywords}
    raise ValueError("no setup() call")


def facts(git, tag):
    setup_py = show(git, tag, "setup.py")
    tree = ast.parse(setup_py)
    names = release_names(tree)
    required, required_file = assigned(tree, "REQUIRED_PACKAGES", names), "setup.py"
    if required is None:
        req_py = show(git, tag, "required_packages.py")
        required, required_file = assigned(ast.parse(req_py), "REQUIRED_PACKAGES", names), "required_packages.py"
    kw = setup_keywords(tree, names)
    python = value(kw["python_requires"], names) if "python_requires" in kw else None
    extras = value(kw["extras_require"], names) if "extras_require" in kw else {}
    version_py = ast.parse(show(git, tag, "tensorflow_probability/python/version.py"))
    v = {n: assigned(version_py, n, {}) for n in ["_MAJOR_VERSION", "_MINOR_VERSION", "_PATCH_VERSION", "_VERSION_SUFFIX"]}
    version = ".".join([v["_MAJOR_VERSION"], v["_MINOR_VERSION"], v["_PATCH_VERSION"]])
    return {"tag": tag, "version": version, "suffix": v["_VERSION_SUFFIX"], "date": date(git, tag),
            "requires": required, "requires_file": required_file, "python": python, "extras": extras}


def tf_check(git, tag):
    for path in ["tensorflow_probability/python/__init__.py", "tensorflow_probability/__init__.py"]:
        text = show(git, tag, path)
        if text is None:
            continue
        for i, line in enumerate(text.splitlines(), 1):
            if line.strip().startswith("required_tensorflow_version ="):
                return path, i, ast.literal_eval(line.split("=", 1)[1].strip())
    return None


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    git = sys.argv[1]
    if "--checks" in sys.argv:
        for tag in TAGS:
            path, line, required = tf_check(git, tag)
            print(f"{tag}\t{required}\t{BLOB}{tag}/{path}#L{line}")
        return
    rows = [facts(git, t) for t in TAGS]
    groups = []
    for r in rows:
        key = (r["requires"], r["python"], sorted((k, tuple(v)) for k, v in r["extras"].items()), r["requires_file"])
        if groups and groups[-1][0] == key:
            groups[-1][1].append(r)
        else:
            groups.append((key, [r]))
    print("# Release metadata of tensorflow-probability 0.5-0.25 (import tensorflow_probability), generated by")
    print("# scripts/gen-tfp-releases.py from the release tags of tensorflow/probability; what it reads and how is said there.")
    print("# Versions: the final-release tags (v0.7 and 0.8.0 are spelled so). The list is the tag list: PyPI itself could not be")
    print("# read from here, and 0.20.1 (a version bump on branch r0.20 adding python_requires, never tagged) is left out as")
    print("# unverified. Dates: the commit dates of the tagged commits (lightweight tags); an upload can follow later.")
    print("# Requires-Dist: REQUIRED_PACKAGES and extras_require as a release build writes them (setup.py's `if release:`")
    print("# names). No release declares TensorFlow: it is checked when TensorFlow Probability is used (the runtime rules in")
    print("# tensorflow-probability.yaml). Wheels and yanked status are not bundled. Not claimed complete.")
    print("schema: kompat.releases/1")
    print("package: tensorflow-probability")
    print("summary: TensorFlow Probability (import tensorflow_probability)")
    print("list-sources:")
    print('  - "https://github.com/tensorflow/probability/tags"')
    print("releases:")
    for _, members in groups:
        first = members[0]
        versions = ", ".join(f'"{m["version"]}": {{date: "{m["date"]}"}}' for m in members)
        print(f"  - versions: {{{versions}}}")
        print("    requires-dist: [" + ", ".join(q(s) for s in first["requires"]) + "]")
        if first["python"]:
            print(f"    requires-python: {q(first['python'])}")
        if first["extras"]:
            print("    extras: {" + ", ".join(f"{q(k)}: [" + ", ".join(q(x) for x in v) + "]" for k, v in first["extras"].items()) + "}")
        urls = [f"{BLOB}{m['tag']}/{m['requires_file']}" for m in members]
        setup_urls = [f"{BLOB}{m['tag']}/setup.py" for m in members]

        def one(us):
            return q(us[0]) if len(us) == 1 else "[" + ", ".join(q(u) for u in us) + "]"
        print("    sources:")
        print(f"      requires-dist: {one(urls)}")
        if first["python"]:
            print(f"      requires-python: {one(setup_urls)}")
        if first["extras"]:
            print(f"      extras: {one(setup_urls)}")
        print('      dates: "git tag date, tensorflow/probability"')
        odd = [m for m in members if m["suffix"]]
        if odd:
            m = odd[0]
            print(f'    note: "the tag {m["tag"]} has version.py suffix \'{m["suffix"]}\' (__version__ {m["version"]}-{m["suffix"]});'
                  f' the next commit on branch r{m["version"].rsplit(".", 1)[0]} sets it to \'\' and changes nothing else, so the'
                  f' requirements are those of {m["version"]} whichever commit was built"')


if __name__ == "__main__":
    main()
