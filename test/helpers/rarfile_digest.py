"""Reads every member of a RAR set with python3-rarfile's own stored-data reader and prints
{name: sha256} as JSON. Exits non-zero on any error (CRC, chaining, missing volume)."""
import hashlib
import json
import sys

import rarfile

archive = rarfile.RarFile(sys.argv[1])
out = {}
for info in archive.infolist():
    if info.isdir():
        continue
    digest = hashlib.sha256()
    with archive.open(info) as member:
        while True:
            chunk = member.read(1 << 20)
            if not chunk:
                break
            digest.update(chunk)
    out[info.filename.replace("\\", "/")] = digest.hexdigest()
print(json.dumps(out))
