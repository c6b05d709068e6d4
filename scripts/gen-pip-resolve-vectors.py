#!/usr/bin/env python3
"""Resolution vectors from pip, for kompat's differential resolver test.

Builds a file:// index of generated wheels for a small universe of synthetic projects (no name the
compatibility matrix knows, so only index metadata decides), runs pip's resolver on each case
(`pip install --dry-run --ignore-installed --report`), and writes the universe, the cases and pip's
answers to src/test/resources/vectors/pip-resolve.json. The Java test serves the same universe over
HTTP and checks that kompat reaches the same verdict and, where pip resolves, the same versions.

Run from the repository root:  python3 scripts/gen-pip-resolve-vectors.py
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("bench_index", os.path.join(HERE, "bench-index.py"))
bench_index = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench_index)

# project -> version -> {"requires": [...], "python": requires-python or None, "yanked": reason or None}
UNIVERSE = {
    "dt-app": {
        "1.0": {"requires": ["dt-lib>=1.0", "dt-util"]},
        "2.0": {"requires": ["dt-lib>=2.0", "dt-util>=1.1"]},
    },
    "dt-lib": {
        "1.0": {"requires": ["dt-core<2"]},
        "1.5": {"requires": ["dt-core<2"]},
        "2.0": {"requires": ["dt-core>=2"]},
        "2.1": {"requires": ["dt-core>=2.1", "dt-winonly ; sys_platform == 'win32'", "dt-oldpy ; python_version < '3.8'"]},
    },
    "dt-core": {"1.0": {}, "1.9": {}, "2.0": {}, "2.1": {}, "3.0rc1": {}},
    "dt-util": {"1.0": {}, "1.1": {}, "1.2": {"yanked": "broken build"}},
    "dt-winonly": {"1.0": {}},
    "dt-oldpy": {"1.0": {}},
    "dt-newpy": {"1.0": {"python": ">=3.8"}, "2.0": {"python": ">=3.99"}},
    "dt-left": {"1.0": {"requires": ["dt-shared<1.5"]}, "2.0": {"requires": ["dt-shared<1.2"]}},
    "dt-right": {"1.0": {"requires": ["dt-shared>=1.1"]}, "2.0": {"requires": ["dt-shared>=1.4"]}},
    "dt-shared": {"1.0": {}, "1.1": {}, "1.4": {}, "1.6": {}},
    "dt-extras": {"1.0": {"requires": ["dt-core", "dt-oldpy ; extra == 'legacy'"]}},
    "dt-stuck": {"1.0": {"requires": ["dt-core>=5"]}},
    "dt-wants-legacy": {"1.0": {"requires": ["dt-extras[legacy]>=1.0"]}},
    "dt-allyanked": {"1.0": {"yanked": "withdrawn"}, "1.1": {"yanked": "withdrawn too"}},
}

CASES = [
    {"name": "newest of everything", "requirements": "dt-app\n"},
    {"name": "an older top pin pulls older dependencies", "requirements": "dt-app==1.0\n"},
    {"name": "markers for another platform and an old Python are skipped", "requirements": "dt-lib==2.1\n"},
    {"name": "pre-releases are not chosen unasked", "requirements": "dt-core\n"},
    {"name": "a pre-release asked for explicitly", "requirements": "dt-core>=3.0rc1\n"},
    {"name": "yanked releases are skipped", "requirements": "dt-util\n"},
    {"name": "a yanked release pinned exactly is allowed", "requirements": "dt-util==1.2\n"},
    {"name": "requires-python rules out the newest", "requirements": "dt-newpy\n"},
    # Two answers are equally good here (older dt-left or older dt-right); tools may pick either.
    {"name": "backtracking to older releases", "requirements": "dt-left\ndt-right\n", "unique": False},
    {"name": "a direct conflict", "requirements": "dt-lib==1.0\ndt-core>=2\n"},
    {"name": "a dependency nothing satisfies", "requirements": "dt-stuck\n"},
    {"name": "an extra that is not asked for", "requirements": "dt-extras\n"},
    {"name": "an extra that is asked for", "requirements": "dt-extras[legacy]\n"},
    {"name": "a project the index does not have", "requirements": "dt-nowhere\n"},
    {"name": "an extra asked for by a dependency, after the project itself", "requirements": "dt-extras\ndt-wants-legacy\n"},
    {"name": "only yanked releases, none pinned", "requirements": "dt-allyanked\n"},
    {"name": "only yanked releases, one pinned", "requirements": "dt-allyanked==1.0\n"},
]


def build_index(root):
    files_dir = os.path.join(root, "files")
    os.makedirs(files_dir)
    for name, versions in UNIVERSE.items():
        links = []
        for version, facts in versions.items():
            filename, sha, msha = bench_index.wheel(files_dir, name, version, facts.get("requires", []))
            attrs = f' data-dist-info-metadata="sha256={msha}"'
            if facts.get("python"):
                attrs += f' data-requires-python="{facts["python"].replace(">", "&gt;").replace("<", "&lt;")}"'
            if facts.get("yanked"):
                attrs += f' data-yanked="{facts["yanked"]}"'
            links.append(f'<a href="../../files/{filename}#sha256={sha}"{attrs}>{filename}</a>')
        os.makedirs(os.path.join(root, "simple", name))
        with open(os.path.join(root, "simple", name, "index.html"), "w") as f:
            f.write("<!DOCTYPE html><html><body>\n" + "\n".join(links) + "\n</body></html>\n")


def run_pip(index_url, requirements, work):
    req = os.path.join(work, "requirements.txt")
    with open(req, "w") as f:
        f.write(requirements)
    report = os.path.join(work, "report.json")
    if os.path.exists(report):
        os.remove(report)
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    for k in ("PIP_FIND_LINKS", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_NO_INDEX"):
        env.pop(k, None)
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--no-cache-dir",
                           "--index-url", index_url, "--report", report, "-r", req], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        return {"resolved": False, "pip_error": proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "exit %d" % proc.returncode}
    with open(report) as f:
        data = json.load(f)
    return {"resolved": True, "versions": {i["metadata"]["name"]: i["metadata"]["version"] for i in data["install"]}}


def main():
    out = os.path.join("src", "test", "resources", "vectors", "pip-resolve.json")
    with tempfile.TemporaryDirectory() as tmp:
        build_index(os.path.join(tmp, "index"))
        url = "file://" + os.path.join(tmp, "index", "simple") + "/"
        cases = []
        for case in CASES:
            answer = run_pip(url, case["requirements"], tmp)
            cases.append(dict(case, **answer))
    import pip
    doc = {
        "generator": "scripts/gen-pip-resolve-vectors.py",
        "pip": pip.__version__,
        "python": "%d.%d" % sys.version_info[:2],
        "platform": sys.platform,
        "universe": UNIVERSE,
        "cases": cases,
    }
    with open(out, "w") as f:
        json.dump(doc, f, indent=2, sort_keys=False)
        f.write("\n")
    print(f"{len(cases)} cases from pip {pip.__version__} on Python {doc['python']} -> {out}")


if __name__ == "__main__":
    main()
