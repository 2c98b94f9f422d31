"""Make Pagefind's bundle byte-identical across builds.

Pagefind writes the values of each filter in hash-map order, which changes from run to run, and
names files after their content, so the filter files, the metadata file naming them and the
entry file naming that change too. Here each filter's values are sorted and the renamed files'
references rewritten. The files are CBOR behind a "pagefind_dcd" tag, gzipped; a small codec for
the subset Pagefind writes does it, and anything it cannot round-trip exactly is left untouched.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct

TAG = b"pagefind_dcd"


class Map(list):
    """A CBOR map as its ordered (key, value) pairs."""


class Raw(bytes):
    """A CBOR simple value or float, carried through as its encoded bytes."""


def _argument(buf: bytes, i: int) -> tuple[int, int]:
    info = buf[i] & 31
    if info < 24:
        return info, i + 1
    size = {24: 1, 25: 2, 26: 4, 27: 8}[info]
    return int.from_bytes(buf[i + 1:i + 1 + size], "big"), i + 1 + size


def decode(buf: bytes, i: int = 0):
    major = buf[i] >> 5
    if major == 7:
        size = {24: 2, 25: 3, 26: 5, 27: 9}.get(buf[i] & 31, 1)
        return Raw(buf[i:i + size]), i + size
    n, i = _argument(buf, i)
    if major in (0, 1):
        return (n if major == 0 else -1 - n), i
    if major in (2, 3):
        data = buf[i:i + n]
        return (bytes(data) if major == 2 else data.decode("utf-8")), i + n
    items = []
    for _ in range(n * (2 if major == 5 else 1)):
        item, i = decode(buf, i)
        items.append(item)
    return (Map(zip(items[::2], items[1::2])) if major == 5 else items), i


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, fmt, limit in ((24, ">B", 0xFF), (25, ">H", 0xFFFF), (26, ">I", 0xFFFFFFFF), (27, ">Q", 2**64 - 1)):
        if n <= limit:
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise ValueError("integer too large for CBOR")


def encode(value) -> bytes:
    if isinstance(value, Raw):
        return bytes(value)
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, Map):
        return _head(5, len(value)) + b"".join(encode(k) + encode(v) for k, v in value)
    return _head(4, len(value)) + b"".join(encode(v) for v in value)


def _load(data: bytes):
    raw = gzip.decompress(data)
    if not raw.startswith(TAG):
        return None
    value, end = decode(raw, len(TAG))
    return value if end == len(raw) and encode(value) == raw[len(TAG):] else None


def _dump(value) -> bytes:
    return gzip.compress(TAG + encode(value), mtime=0)


def _replace(value, names: dict[str, str]):
    if isinstance(value, str):
        return names.get(value, value)
    if isinstance(value, Map):
        return Map((_replace(k, names), _replace(v, names)) for k, v in value)
    if isinstance(value, list):
        items = [_replace(v, names) for v in value]
        renamed = set(names.values())
        if items and all(isinstance(i, list) and len(i) == 2 and i[1] in renamed for i in items):
            items.sort(key=lambda i: str(i[0]))  # the list of filters, also in hash-map order
        return items
    return value


def _sorted_filter(value):
    """[name, [[value, pages], ...]] with the values in order."""
    if isinstance(value, list) and len(value) == 2 and isinstance(value[1], list):
        pairs = [[v, sorted(p) if isinstance(p, list) and all(isinstance(n, int) for n in p) else p]
                 for v, p in value[1]]
        return [value[0], sorted(pairs, key=lambda pair: str(pair[0]))]
    return value


def stable_bundle(files: dict[str, bytes], folder: str) -> dict[str, bytes]:
    """The bundle with sorted filters and names that follow; unchanged if its shape is unexpected."""
    filters = {p: _load(d) for p, d in files.items() if p.endswith(".pf_filter")}
    metas = {p: _load(d) for p, d in files.items() if p.endswith(".pf_meta")}
    if any(v is None for v in (*filters.values(), *metas.values())):
        return files
    out = {p: d for p, d in files.items() if p not in filters and p not in metas}
    names: dict[str, str] = {}
    for path, value in sorted(filters.items()):
        data = _dump(_sorted_filter(value))
        old = re.sub(r"\.pf_filter$", "", path.rsplit("/", 1)[1])
        names[old] = f"{old.split('_')[0]}_{hashlib.sha256(data).hexdigest()[:7]}"
        out[f"{folder}/filter/{names[old]}.pf_filter"] = data
    entry_names: dict[str, str] = {}
    for path, value in sorted(metas.items()):
        data = _dump(_replace(value, names))
        old = re.sub(r"^pagefind\.|\.pf_meta$", "", path.rsplit("/", 1)[1])
        entry_names[old] = f"{old.split('_')[0]}_{hashlib.sha256(data).hexdigest()[:10]}"
        out[f"{folder}/pagefind.{entry_names[old]}.pf_meta"] = data
    entry_path = f"{folder}/pagefind-entry.json"
    if entry_path in out:
        entry = json.loads(out[entry_path])
        for language in entry.get("languages", {}).values():
            language["hash"] = entry_names.get(language.get("hash"), language.get("hash"))
        out[entry_path] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return out
