#!/usr/bin/env python3
"""Prediction vectors from pip, for kompat's differential test of `kompat check`'s install prediction.

Generates seeded random universes of synthetic projects (names no curated fact knows), builds each as a
file:// index of real wheels (METADATA with Requires-Dist, Requires-Python and Provides-Extra; index pages
with data-requires-python and data-yanked), runs pip's resolver on random inputs
(`pip install --dry-run --ignore-installed --report`), and writes universes, inputs and pip's answers to
src/test/resources/vectors/pip-predict.json. The Java test (PipPredictDifferentialTest) predicts each case
from the same universe and must reach the same install, or the same kind of failure for the same
requirement. Each case is also run with `--use-deprecated=legacy-resolver` (pip's resolver before 20.3, what
`kompat check --as-of` an earlier day predicts), its answer stored as the case's `legacy`.

The universes mix what decides pip's choice: newest-first picks, pins, ranges, exclusions, pre-releases
(asked for or not, --pre), yanked releases (pinned or not), Requires-Python, markers for other platforms,
extras (also extras that require other extras of their own project), constraints files, and conflicts
that make pip backtrack, where pip's order of pins decides which of several consistent sets it installs.

Run from the repository root:  python3 scripts/gen-pip-predict-vectors.py [UNIVERSES [SEED]]
"""
import base64
import hashlib
import html
import io
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import zipfile

VERSIONS = ["0.9", "1.0", "1.1", "1.2rc1", "1.2", "1.3", "1.3.post1", "2.0a1", "2.0b2", "2.0", "2.1", "2.2", "3.0rc1", "3.0"]
PLATFORM_MARKERS = ["sys_platform == 'win32'", "sys_platform == 'linux'", "platform_machine == 'aarch64'",
                    "python_version < '3.8'", "python_version >= '3.9'", "os_name == 'nt'"]


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel(out_files, name, version, requires, requires_python, extras):
    dist = re.sub(r"[-_.]+", "_", name)
    filename = f"{dist}-{version}-py3-none-any.whl"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    if requires_python:
        metadata += f"Requires-Python: {requires_python}\n"
    metadata += "".join(f"Provides-Extra: {e}\n" for e in extras)
    metadata += "".join(f"Requires-Dist: {r}\n" for r in requires)
    info = f"{dist}-{version}.dist-info"
    files = {
        f"{info}/METADATA": metadata.encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: kompat-vectors\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = ""
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record += f"{path},sha256={digest},{len(data)}\n"
    record += f"{info}/RECORD,,\n"
    files[f"{info}/RECORD"] = record.encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for path, data in files.items():
            zi = zipfile.ZipInfo(path, date_time=(2020, 1, 1, 0, 0, 0))
            z.writestr(zi, data)
    data = buf.getvalue()
    with open(os.path.join(out_files, filename), "wb") as f:
        f.write(data)
    with open(os.path.join(out_files, filename + ".metadata"), "wb") as f:
        f.write(metadata.encode())
    return filename, hashlib.sha256(data).hexdigest(), hashlib.sha256(metadata.encode()).hexdigest()


def spec_for(rng, versions):
    v = rng.choice(versions)
    w = rng.choice(versions)
    lo, hi = sorted([v, w], key=lambda s: [int(x) if x.isdigit() else 0 for x in re.split(r"[.a-z]+", s)])
    kind = rng.choice(["", "", ">=", "<", "==", "!=", "range", "~=", "==*", ">"])
    if kind == "":
        return ""
    if kind == "range":
        return f">={lo},<{hi}" if lo != hi else f">={lo}"
    if kind == "==*":
        return "==" + v.split(".")[0] + ".*"
    if kind == "~=":
        return "~=" + (v if "." in v else v + ".0")
    return kind + v


def make_universe(rng, uid):
    n = rng.randint(5, 8)
    names = [f"u{uid}-p{i}" for i in range(n)]
    universe = {}
    for i, name in enumerate(names):
        versions = sorted(rng.sample(VERSIONS, rng.randint(2, 6)), key=VERSIONS.index)
        project = {}
        extras_pool = ["x", "all"] if rng.random() < 0.3 else []
        for v in versions:
            facts = {}
            requires = []
            for _ in range(rng.randint(0, 3)):
                j = rng.randrange(n)
                if j == i or (j < i and rng.random() < 0.8):
                    continue
                other = names[j]
                spec = spec_for(rng, list(universe.get(other, {}).keys()) or VERSIONS[1:8])
                req = other + spec
                if rng.random() < 0.12:
                    req += " ; " + rng.choice(PLATFORM_MARKERS)
                requires.append(req)
            if extras_pool:
                j = rng.randrange(n)
                if j != i:
                    requires.append(f"{names[j]} ; extra == 'x'")
                if "all" in extras_pool:
                    requires.append(f"{name}[x] ; extra == 'all'")
                facts["extras"] = extras_pool
            if requires:
                facts["requires"] = sorted(set(requires))
            r = rng.random()
            if r < 0.08:
                facts["python"] = ">=3.12"
            elif r < 0.12:
                facts["python"] = "<3.11"
            elif r < 0.16:
                facts["metadata_python"] = ">=3.12"
            if rng.random() < 0.08:
                facts["yanked"] = "withdrawn"
            project[v] = facts
        universe[name] = project
    return names, universe


def make_cases(rng, names, universe):
    cases = []
    for k in range(6):
        lines = []
        for name in rng.sample(names, rng.randint(1, min(4, len(names)))):
            versions = list(universe[name].keys())
            extra = "[x]" if any("extras" in f for f in universe[name].values()) and rng.random() < 0.5 else ""
            if extra and rng.random() < 0.3 and any("all" in f.get("extras", []) for f in universe[name].values()):
                extra = "[all]"
            lines.append(name + extra + spec_for(rng, versions))
        if rng.random() < 0.15:
            lines.append(rng.choice(names) + "==9.9")
        if rng.random() < 0.1:
            lines.insert(0, "--pre")
        case = {"name": f"case {k}", "requirements": "\n".join(lines) + "\n"}
        if rng.random() < 0.2:
            name = rng.choice(names)
            case["constraints"] = name + (spec_for(rng, list(universe[name].keys())) or "<2") + "\n"
        cases.append(case)
    return cases


def build_index(root, universe):
    files_dir = os.path.join(root, "files")
    os.makedirs(files_dir)
    for name, versions in universe.items():
        links = []
        for version, facts in versions.items():
            md_python = facts.get("metadata_python") or facts.get("python")
            filename, sha, msha = wheel(files_dir, name, version, facts.get("requires", []), md_python, facts.get("extras", []))
            attrs = f' data-dist-info-metadata="sha256={msha}"'
            if facts.get("python"):
                attrs += f' data-requires-python="{html.escape(facts["python"])}"'
            if facts.get("yanked"):
                attrs += f' data-yanked="{html.escape(facts["yanked"])}"'
            links.append(f'<a href="../../files/{filename}#sha256={sha}"{attrs}>{filename}</a>')
        os.makedirs(os.path.join(root, "simple", normalize(name)))
        with open(os.path.join(root, "simple", normalize(name), "index.html"), "w") as f:
            f.write("<!DOCTYPE html><html><body>\n" + "\n".join(links) + "\n</body></html>\n")


def run_pip(index_url, case, work, legacy=False):
    req = os.path.join(work, "requirements.txt")
    with open(req, "w") as f:
        f.write(case["requirements"])
    args = ["-r", req]
    if case.get("constraints"):
        con = os.path.join(work, "constraints.txt")
        with open(con, "w") as f:
            f.write(case["constraints"])
        args += ["-c", con]
    report = os.path.join(work, "report.json")
    if os.path.exists(report):
        os.remove(report)
    env = dict(os.environ, PIP_CONFIG_FILE=os.devnull, PIP_DISABLE_PIP_VERSION_CHECK="1")
    for k in list(env):
        if k.startswith("PIP_") and k not in ("PIP_CONFIG_FILE", "PIP_DISABLE_PIP_VERSION_CHECK"):
            env.pop(k)
    resolver = ["--use-deprecated=legacy-resolver"] if legacy else []
    proc = subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet", "--no-cache-dir",
                           "--index-url", index_url, "--report", report] + resolver + args, capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        errors = [l[len("ERROR: "):] for l in proc.stderr.splitlines() if l.startswith("ERROR: ")]
        return {"resolved": False, "pip_errors": errors}
    with open(report) as f:
        data = json.load(f)
    return {"resolved": True, "versions": {normalize(i["metadata"]["name"]): i["metadata"]["version"] for i in data["install"]}}


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 20261201
    rng = random.Random(seed)
    out = os.path.join("src", "test", "resources", "vectors", "pip-predict.json")
    universes = []
    for uid in range(count):
        names, universe = make_universe(rng, uid)
        cases = make_cases(rng, names, universe)
        with tempfile.TemporaryDirectory() as tmp:
            build_index(os.path.join(tmp, "index"), universe)
            url = "file://" + os.path.join(tmp, "index", "simple") + "/"
            for case in cases:
                # pip's legacy resolver (the default before pip 20.3) on the same case: what `--as-of` an earlier day predicts.
                legacy = run_pip(url, case, tmp, legacy=True)
                case.update(run_pip(url, case, tmp))
                case["legacy"] = legacy
        universes.append({"name": f"universe {uid}", "universe": universe, "cases": cases})
        print(f"universe {uid}: {sum(c['resolved'] for c in cases)}/{len(cases)} resolved", file=sys.stderr)
    import pip
    doc = {
        "generator": "scripts/gen-pip-predict-vectors.py",
        "seed": seed,
        "pip": pip.__version__,
        "python": "%d.%d.%d" % sys.version_info[:3],
        "platform": sys.platform,
        "machine": os.uname().machine,
        "universes": universes,
    }
    with open(out, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=False)
        f.write("\n")
    total = sum(len(u["cases"]) for u in universes)
    print(f"{total} cases in {len(universes)} universes from pip {pip.__version__} -> {out}")


if __name__ == "__main__":
    main()
