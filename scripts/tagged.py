"""Reading files at release tags of a git clone, for the scripts that generate symbol tables and release facts."""
import ast
import json
import re
import subprocess


def show(git_dir, tag, path):
    """The text of `path` at `tag`, or None when the tag has no such file."""
    r = subprocess.run(["git", "-C", git_dir, "show", f"{tag}:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def commit(git_dir, tag):
    """The commit `tag` points at (for blob URLs pinned to it)."""
    return subprocess.run(["git", "-C", git_dir, "rev-list", "-n1", tag], capture_output=True, text=True).stdout.strip()


def final_tags(git_dir, keep=lambda version: True):
    """The final-release tags vX.Y.Z whose (X, Y, Z) `keep` accepts, oldest first."""
    out = subprocess.run(["git", "-C", git_dir, "tag"], capture_output=True, text=True, check=True).stdout.split()
    final = [t for t in out if re.fullmatch(r"v\d+\.\d+\.\d+", t) and keep(tuple(map(int, t[1:].split("."))))]
    return sorted(final, key=lambda t: tuple(map(int, t[1:].split("."))))


def date(git_dir, tag):
    """The committer date (YYYY-MM-DD) of the commit `tag` points at."""
    return subprocess.run(["git", "-C", git_dir, "log", "-1", "--format=%cs", f"{tag}^{{commit}}"], capture_output=True,
                          text=True, check=True).stdout.strip()


def setup_keywords(tree):
    """The keyword arguments (AST nodes) of the setup() call in a parsed setup.py."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "setup":
            return {k.arg: k.value for k in node.keywords}
    raise ValueError("no setup() call")


def print_release_groups(rows, dates):
    """Prints the `releases:` entries of a kompat.releases/1 file for pure-Python releases read at tags.

    Each row is a dict: tag, version, date, requires (Requires-Dist lines as printed), python (or None), extras (dict),
    source (the file's URL at the tag) and tail (lines printed after the sources, e.g. unverified: and note:).
    Consecutive rows with the same facts share one entry; `dates` is the entry's dates source.
    """
    groups = []
    for r in rows:
        key = (json.dumps(r["requires"]), r["python"], json.dumps(r["extras"], sort_keys=True), r["source"].split("/", 7)[-1],
               tuple(r["tail"]))
        if groups and groups[-1][0] == key:
            groups[-1][1].append(r)
        else:
            groups.append((key, [r]))
    for _, members in groups:
        first = members[0]
        print("  - versions: {" + ", ".join(f'{json.dumps(m["version"])}: {{date: {json.dumps(m["date"])}}}' for m in members) + "}")
        print("    requires-dist: [" + ", ".join(json.dumps(x) for x in first["requires"]) + "]")
        if first["python"]:
            print(f"    requires-python: {json.dumps(first['python'])}")
        if first["extras"]:
            print("    extras: {" + ", ".join(f"{json.dumps(k)}: [" + ", ".join(json.dumps(x) for x in v) + "]"
                                          for k, v in first["extras"].items()) + "}")
        print("    wheels: {pure: true}")
        urls = [m["source"] for m in members]
        one = json.dumps(urls[0]) if len(urls) == 1 else "[" + ", ".join(json.dumps(u) for u in urls) + "]"
        print("    sources:")
        facets = ["requires-dist"] + (["requires-python"] if first["python"] else []) + (["extras"] if first["extras"] else [])
        for facet in facets + ["wheels"]:
            print(f"      {facet}: {one}")
        print(f'      dates: "{dates}"')
        for line in first["tail"]:
            print("    " + line)
