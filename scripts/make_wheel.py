"""Writes the `seedc` wheel: the release binary as the wheel's script (pip puts it in
the environment's bin/, on PATH), a small `seedc` package (`python -m seedc` runs the
binary too), and the metadata, following the binary distribution format
(https://packaging.python.org/en/latest/specifications/binary-distribution-format/).

usage: make_wheel.py BINARY VERSION PLATFORM_TAG OUT_DIR README
"""

import base64
import hashlib
import os
import sys
import zipfile

MAIN = '''"""`python -m seedc`: runs the seedc binary this wheel installed."""
import os
import sys
import sysconfig


def main():
    binary = os.path.join(sysconfig.get_path("scripts"), "seedc")
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
'''


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def main():
    binary, version, platform, out_dir, readme = sys.argv[1:]
    tag = "py3-none-" + platform
    dist_info = "seedc-%s.dist-info" % version
    with open(readme, encoding="utf-8") as f:
        description = f.read()
    metadata = "\n".join([
        "Metadata-Version: 2.1",
        "Name: seedc",
        "Version: " + version,
        "Summary: Compile versioned seed data (content.yaml, markdown) into idempotent SQLite/PostgreSQL seeds",
        "Requires-Python: >=3.8",
        "Description-Content-Type: text/markdown",
        "",
        description,
    ])
    wheel = "Wheel-Version: 1.0\nGenerator: seedc scripts/make_wheel.py\nRoot-Is-Purelib: false\nTag: %s\n" % tag
    with open(binary, "rb") as f:
        files = [
            ("seedc-%s.data/scripts/seedc" % version, f.read(), 0o755),
        ]
    files += [
        ("seedc/__init__.py", ('"""The seedc binary, installed as a script."""\n__version__ = "%s"\n' % version).encode(), 0o644),
        ("seedc/__main__.py", MAIN.encode(), 0o644),
        (dist_info + "/METADATA", metadata.encode(), 0o644),
        (dist_info + "/WHEEL", wheel.encode(), 0o644),
    ]
    record = [record_line(name, data) for name, data, _ in files] + [dist_info + "/RECORD,,"]
    files.append((dist_info + "/RECORD", ("\n".join(record) + "\n").encode(), 0o644))
    path = os.path.join(out_dir, "seedc-%s-%s.whl" % (version, tag))
    with zipfile.ZipFile(path + ".tmp", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data, mode in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    os.replace(path + ".tmp", path)
    print(path)


if __name__ == "__main__":
    main()
