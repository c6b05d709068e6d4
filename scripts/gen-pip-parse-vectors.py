#!/usr/bin/env python3
"""Records how pip itself parses the requirements-file fixtures under src/test/resources/manifest/.

kompat's differential test compares its own parse against this file line by line. Run from anywhere:

    python3 scripts/gen-pip-parse-vectors.py
"""
import json
import os
import sys

import pip
from pip._internal.network.session import PipSession
from pip._internal.req.constructors import parse_req_from_line
from pip._internal.req.req_file import RequirementsFileParser, get_line_parser
from pip._internal.utils.misc import redact_auth_from_url

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "manifest")
FILES = ["tf1-keras22/requirements.txt", "tf2-tfkeras/requirements.txt", "keras3/requirements.txt",
         "freeze/requirements-freeze.txt", "conda/requirements-extra.txt"]
ENV = {"KOMPAT_TEST_INDEX": "https://pypi.example.org/simple"}


def main():
    os.environ.update(ENV)
    os.chdir(ROOT)
    out = {"generator": "scripts/gen-pip-parse-vectors.py", "pip": pip.__version__, "environment": ENV, "files": {}}
    for name in FILES:
        parser = RequirementsFileParser(PipSession(), get_line_parser(None))
        lines = []
        for pl in parser.parse(name, constraint=False):
            row = {"file": pl.filename, "line": pl.lineno, "constraint": pl.constraint}
            o = pl.opts
            if pl.is_requirement and pl.is_editable:
                row.update(kind="editable", target=pl.requirement)
            elif pl.is_requirement:
                parts = parse_req_from_line(pl.requirement, None)
                req = parts.requirement
                row.update(kind="requirement", args=pl.requirement,
                           name=req.name if req else None,
                           specifier=str(req.specifier) if req else "",
                           extras=sorted(req.extras) if req else [],
                           url=(parts.link.url if parts.link else (req.url if req else None)),
                           marker=str(parts.markers) if parts.markers else (str(req.marker) if req and req.marker else None),
                           hashes=sorted(f"{a}:{d}" for a, ds in (o.hashes or {}).items() for d in ds),
                           global_options=o.global_options or [],
                           config_settings=sorted(f"{k}={v}" for k, v in (o.config_settings or {}).items()))
            else:
                fc = o.format_control
                row.update(kind="options", index_url=o.index_url, extra_index_urls=o.extra_index_urls or [],
                           find_links=o.find_links or [], no_index=bool(o.no_index), pre=bool(o.pre),
                           prefer_binary=bool(o.prefer_binary), trusted_hosts=o.trusted_hosts or [],
                           only_binary=sorted(fc.only_binary) if fc else [],
                           no_binary=sorted(fc.no_binary) if fc else [])
            lines.append(row)
        out["files"][name] = lines
    path = os.path.join(ROOT, "pip-parse.json")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
        f.write("\n")
    print("wrote", path)


if __name__ == "__main__":
    sys.exit(main())
