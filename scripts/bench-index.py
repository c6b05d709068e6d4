#!/usr/bin/env python3
"""Build the local package index the benchmark (scripts/bench) runs kompat and pip against.

The wheels are generated: valid wheel files with a METADATA, WHEEL and RECORD and nothing else. Names
and versions follow the real Keras/TensorFlow stack so that kompat's matrix applies; the dependency
declarations are simplified stand-ins, enough to give both tools the same resolution work. They are
benchmark fixtures, not facts about the real packages.

Usage: bench-index.py OUT_DIR [--large]
  (writes OUT_DIR/simple/<name>/index.html, OUT_DIR/files/*, OUT_DIR/inputs/*.txt)

--large adds the scaling universe: 1,000 projects synth-0000 ... synth-0999 with 50 versions each (1.0 ...
5.9), 50,000 wheels with PEP 658 metadata, and inputs top-10.txt, top-100.txt and top-500.txt of that many
random top-level requirements. Each release requires 0-3 higher-numbered projects (no cycles) with bare,
>=, >=/<, <=, !=, == or ~= specifiers; every project has a witness release (the newest for about 80 %)
that every specifier on it admits, so every input is satisfiable and both tools must search. Fixed seed.
"""
import base64
import hashlib
import html
import io
import os
import random
import re
import sys
import zipfile

STACK = {
    # name: {version: [requires-dist...]}
    "tensorflow": {
        "2.21.0": ["absl-py>=1.0.0", "numpy>=1.26.0", "protobuf>=6.31.1,<8.0.0", "h5py>=3.11.0,<3.15.0", "ml-dtypes>=0.5.1,<1.0.0",
                   "tensorboard>=2.21,<2.22", "keras>=3.12.0", "grpcio>=1.24.3", "packaging", "six>=1.12.0", "wrapt>=1.11.0"],
        "2.20.0": ["absl-py>=1.0.0", "numpy>=1.26.0", "protobuf>=5.28.0", "h5py>=3.11.0", "ml-dtypes>=0.5.1,<1.0.0",
                   "tensorboard>=2.20,<2.21", "keras>=3.10.0", "grpcio>=1.24.3", "packaging", "six>=1.12.0", "wrapt>=1.11.0"],
        "2.15.0": ["absl-py>=1.0.0", "numpy>=1.23.5,<2.0.0", "protobuf>=3.20.3,<5.0.0dev", "h5py>=2.9.0", "ml-dtypes~=0.2.0",
                   "tensorboard>=2.15,<2.16", "keras>=2.15.0,<2.16", "grpcio>=1.24.3", "packaging", "six>=1.12.0", "wrapt>=1.11.0"],
    },
    "keras": {
        "3.15.1": ["absl-py", "numpy", "rich", "namex", "h5py", "optree", "ml-dtypes", "packaging"],
        "3.11.0": ["absl-py", "numpy", "rich", "namex", "h5py", "optree", "ml-dtypes", "packaging"],
        "2.15.0": [],
    },
    "tensorboard": {v: ["absl-py>=0.4", "grpcio>=1.48.2", "markdown>=2.6.8", "numpy>=1.12.0", "protobuf>=3.19.6", "werkzeug>=1.0.1"]
                    for v in ["2.21.0", "2.20.0", "2.15.0"]},
    "numpy": {v: [] for v in ["2.3.0", "2.0.0", "1.26.4", "1.23.5"]},
    "protobuf": {v: [] for v in ["6.31.1", "5.29.0", "4.25.0", "3.20.3"]},
    "h5py": {"3.12.1": ["numpy>=1.19.3"], "3.10.0": ["numpy>=1.17.3"]},
    "ml-dtypes": {"0.5.1": ["numpy>=1.21"], "0.2.0": ["numpy>1.20"]},
    "rich": {"13.9.4": ["markdown-it-py>=2.2.0", "pygments>=2.13.0,<3.0.0"]},
    "markdown-it-py": {"3.0.0": ["mdurl~=0.1"]},
}
for leaf, version in [("absl-py", "2.1.0"), ("grpcio", "1.68.0"), ("packaging", "24.2"), ("six", "1.16.0"), ("wrapt", "1.17.0"),
                      ("namex", "0.0.8"), ("optree", "0.13.1"), ("markdown", "3.7"), ("werkzeug", "3.1.3"), ("pygments", "2.18.0"),
                      ("mdurl", "0.1.2")]:
    STACK.setdefault(leaf, {version: []})

# 100 synthetic packages, three versions each; syn-i needs its two children in a binary tree.
SYNTHETIC = {}
for i in range(100):
    kids = [f"syn-{c:03d}>=1.0" for c in (2 * i + 1, 2 * i + 2) if c < 100]
    SYNTHETIC[f"syn-{i:03d}"] = {v: kids for v in ["1.0", "1.1", "2.0"]}

INPUTS = {
    "tf-stack.txt": "tensorflow==2.21.0\nkeras>=3\nnumpy\n",
    "conflict.txt": "tensorflow==2.15.0\nnumpy>=2\n",
    "synthetic-100.txt": "".join(f"syn-{i:03d}\n" for i in range(100)),
}


def large_universe(rng):
    """The 1,000 x 50 scaling universe and its inputs (see the module docstring)."""
    versions = [f"{major}.{minor}" for major in range(1, 6) for minor in range(10)]
    key = lambda v: tuple(int(x) for x in v.split("."))
    n = 1000
    witness = [versions[-1] if rng.random() < 0.8 else rng.choice(versions) for _ in range(n)]

    def spec(j):
        w = witness[j]
        below = [v for v in versions if key(v) <= key(w)]
        above = [v for v in versions if key(v) > key(w)] + ["6.0"]
        kind = rng.choice(["bare", ">=", "range", "<=", "!=", "==", "~="])
        if kind == ">=":
            return ">=" + rng.choice(below)
        if kind == "range":
            return ">=" + rng.choice(below) + ",<" + rng.choice(above)
        if kind == "<=":
            return "<=" + rng.choice([w] + above[:-1])
        if kind == "!=":
            return "!=" + rng.choice([v for v in versions if v != w])
        if kind == "==":
            return "==" + w
        if kind == "~=":
            major, minor = w.split(".")
            return f"~={major}.{rng.randint(0, int(minor))}"
        return ""

    universe = {}
    for i in range(n):
        releases = {}
        for v in versions:
            later = list(range(i + 1, min(n, i + 60)))
            deps = rng.sample(later, min(len(later), rng.randint(0, 3)))
            releases[v] = [f"synth-{j:04d}{spec(j)}" for j in sorted(deps)]
        universe[f"synth-{i:04d}"] = releases
    inputs = {}
    for size in (10, 100, 500):
        picked = sorted(rng.sample(range(n), size))
        inputs[f"top-{size}.txt"] = "".join(f"synth-{j:04d}{spec(j)}\n" for j in picked)
    return universe, inputs


def normalize(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def wheel(out_files, name, version, requires):
    dist = re.sub(r"[-_.]+", "_", name)
    filename = f"{dist}-{version}-py3-none-any.whl"
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\nRequires-Python: >=3.9\n"
    extras = sorted(set(re.findall(r"extra\s*==\s*['\"]([^'\"]+)['\"]", " ".join(requires))))
    metadata += "".join(f"Provides-Extra: {e}\n" for e in extras)
    metadata += "".join(f"Requires-Dist: {r}\n" for r in requires)
    info = f"{dist}-{version}.dist-info"
    files = {
        f"{info}/METADATA": metadata.encode(),
        f"{info}/WHEEL": b"Wheel-Version: 1.0\nGenerator: kompat-bench\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
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
            z.writestr(path, data)
    data = buf.getvalue()
    with open(os.path.join(out_files, filename), "wb") as f:
        f.write(data)
    with open(os.path.join(out_files, filename + ".metadata"), "wb") as f:
        f.write(metadata.encode())
    return filename, hashlib.sha256(data).hexdigest(), hashlib.sha256(metadata.encode()).hexdigest()


def main(out, large=False):
    files_dir = os.path.join(out, "files")
    os.makedirs(files_dir, exist_ok=True)
    projects = {}
    universes = list(STACK.items()) + list(SYNTHETIC.items())
    if large:
        universe, inputs = large_universe(random.Random(7))
        universes += list(universe.items())
        INPUTS.update(inputs)
    for name, versions in universes:
        for version, requires in versions.items():
            projects.setdefault(normalize(name), []).append(wheel(files_dir, name, version, requires))
    root = os.path.join(out, "simple")
    for project, wheels in projects.items():
        os.makedirs(os.path.join(root, project), exist_ok=True)
        links = "".join(
            f'<a href="../../files/{html.escape(f)}#sha256={h}" data-requires-python="&gt;=3.9" '
            f'data-dist-info-metadata="sha256={m}" data-core-metadata="sha256={m}">{html.escape(f)}</a>\n'
            for f, h, m in wheels)
        with open(os.path.join(root, project, "index.html"), "w") as f:
            f.write(f"<!DOCTYPE html><html><body>\n{links}</body></html>\n")
    with open(os.path.join(root, "index.html"), "w") as f:
        f.write("<!DOCTYPE html><html><body>\n" + "".join(f'<a href="{p}/">{p}</a>\n' for p in sorted(projects)) + "</body></html>\n")
    inputs = os.path.join(out, "inputs")
    os.makedirs(inputs, exist_ok=True)
    for name, text in INPUTS.items():
        with open(os.path.join(inputs, name), "w") as f:
            f.write(text)
    print(f"{sum(len(w) for w in projects.values())} wheels of {len(projects)} projects in {out}")


if __name__ == "__main__":
    main(sys.argv[1], "--large" in sys.argv[2:])
