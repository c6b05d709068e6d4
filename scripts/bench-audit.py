#!/usr/bin/env python3
"""Generates the files scripts/bench-audit audits: variations of the repository's own inputs.

Usage: bench-audit.py OUT_DIR COUNT [SEED]

Each file is one of the repository's requirements files and lockfiles (lockfiles/inputs/*.txt,
lockfiles/*.lock, examples/*/requirements.txt) with tensorflow, keras, numpy, protobuf and h5py re-pinned
at random (==, >=, ~=, <= or bare) to versions those projects released, a few lines dropped and up to
three packages added; 60 % are requirements*.txt, 40 % *.lock, one per folder. The same seed gives the same
files. They are benchmark inputs, not facts about any project.
"""
import glob
import os
import random
import re
import sys

VERSIONS = {
    "tensorflow": ["1.15.5", "2.4.0", "2.6.0", "2.10.0", "2.12.0", "2.15.0", "2.15.1", "2.16.1", "2.20.0", "2.21.0"],
    "keras": ["2.2.4", "2.3.1", "2.4.3", "2.6.0", "2.10.0", "2.12.0", "2.15.0", "3.0.0", "3.5.0"],
    "numpy": ["1.16.6", "1.19.5", "1.21.6", "1.23.5", "1.24.4", "1.26.4", "2.0.2", "2.1.3"],
    "protobuf": ["3.19.6", "3.20.3", "4.21.12", "4.25.1", "5.28.3"],
    "h5py": ["2.10.0", "3.1.0", "3.7.0", "3.10.0", "3.11.0"],
}
EXTRA = ["six", "requests", "pyyaml", "tqdm", "scipy", "pandas", "pillow", "absl-py", "wrapt", "grpcio"]
OPS = ["==", ">=", "~=", "<=", ""]
NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def main():
    out, count = sys.argv[1], int(sys.argv[2])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 7)
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    reqs = sorted(glob.glob(os.path.join(root, "lockfiles/inputs/*.txt")) + glob.glob(os.path.join(root, "examples/*/requirements.txt")))
    locks = sorted(glob.glob(os.path.join(root, "lockfiles/*.lock")))
    for i in range(count):
        lock = i % 5 >= 3
        src = rng.choice(locks if lock else reqs)
        lines = open(src, encoding="utf-8").read().splitlines()
        body = []
        for line in lines:
            m = NAME.match(line)
            if lock and (not m or line.startswith("#")):
                body.append(line)
                continue
            if m and rng.random() < 0.1:
                continue
            name = m.group(1).lower() if m else None
            if name in VERSIONS and not lock:
                op = rng.choice(OPS)
                body.append(name if not op else name + op + rng.choice(VERSIONS[name]))
            elif name in VERSIONS and lock:
                body.append(name + "==" + rng.choice(VERSIONS[name]))
            else:
                body.append(line)
        for extra in rng.sample(EXTRA, rng.randint(0, 3)):
            body.append(extra if not lock else extra + "==1.0")
        folder = os.path.join(out, "p%04d" % i)
        os.makedirs(folder, exist_ok=True)
        name = "requirements.lock" if lock else "requirements.txt"
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write("\n".join(body) + "\n")


if __name__ == "__main__":
    main()
