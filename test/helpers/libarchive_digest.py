"""Reads every member of a RAR set with libarchive (libarchive13, the library behind bsdtar)
and prints {name: sha256} as JSON. Exits non-zero on any error libarchive reports.

bsdtar opens one file only, so it cannot read a multi-volume set. libarchive itself can:
archive_read_open_filenames() takes the volumes in order and its RAR and RAR5 readers
continue a split file into the next one. This is that multi-volume driver, through ctypes,
so it needs nothing beyond the shared library.

Usage: libarchive_digest.py VOLUME [VOLUME ...]   (all volumes, in set order)
"""
import ctypes
import ctypes.util
import hashlib
import json
import sys

ARCHIVE_EOF = 1
ARCHIVE_OK = 0
ARCHIVE_WARN = -20

name = ctypes.util.find_library("archive") or "libarchive.so.13"
lib = ctypes.CDLL(name)
lib.archive_read_new.restype = ctypes.c_void_p
lib.archive_read_support_format_rar.argtypes = [ctypes.c_void_p]
lib.archive_read_support_format_rar5.argtypes = [ctypes.c_void_p]
lib.archive_read_open_filenames.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t]
lib.archive_read_next_header.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_void_p)]
lib.archive_read_data.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_size_t]
lib.archive_read_data.restype = ctypes.c_ssize_t
lib.archive_error_string.argtypes = [ctypes.c_void_p]
lib.archive_error_string.restype = ctypes.c_char_p
lib.archive_entry_pathname_utf8.argtypes = [ctypes.c_void_p]
lib.archive_entry_pathname_utf8.restype = ctypes.c_char_p
lib.archive_entry_filetype.argtypes = [ctypes.c_void_p]
lib.archive_entry_size.argtypes = [ctypes.c_void_p]
lib.archive_entry_size.restype = ctypes.c_int64
lib.archive_read_free.argtypes = [ctypes.c_void_p]
lib.archive_version_string.restype = ctypes.c_char_p

AE_IFDIR = 0o040000


def fail(archive, what):
    message = lib.archive_error_string(archive)
    sys.stderr.write("libarchive: %s: %s\n" % (what, message.decode("utf-8", "replace") if message else "?"))
    sys.exit(1)


def main(volumes):
    archive = lib.archive_read_new()
    lib.archive_read_support_format_rar(archive)
    lib.archive_read_support_format_rar5(archive)
    names = (ctypes.c_char_p * (len(volumes) + 1))(*[v.encode() for v in volumes], None)
    if lib.archive_read_open_filenames(archive, names, 1 << 16) != ARCHIVE_OK:
        fail(archive, "open")
    out = {}
    entry = ctypes.c_void_p()
    buffer = ctypes.create_string_buffer(1 << 20)
    while True:
        status = lib.archive_read_next_header(archive, ctypes.byref(entry))
        if status == ARCHIVE_EOF:
            break
        if status != ARCHIVE_OK:
            fail(archive, "header")
        path = lib.archive_entry_pathname_utf8(entry).decode("utf-8")
        if lib.archive_entry_filetype(entry) == AE_IFDIR:
            continue
        expected = lib.archive_entry_size(entry)
        digest = hashlib.sha256()
        total = 0
        while True:
            n = lib.archive_read_data(archive, buffer, len(buffer))
            if n < 0:
                fail(archive, path)
            if n == 0:
                break
            digest.update(buffer.raw[:n])
            total += n
        # libarchive pads a short stored entry silently in some versions; the size is the check.
        if total != expected:
            sys.stderr.write("libarchive: %s: read %d of %d bytes\n" % (path, total, expected))
            sys.exit(1)
        out[path.replace("\\", "/")] = digest.hexdigest()
    lib.archive_read_free(archive)
    print(json.dumps(out))


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--version":
        print(lib.archive_version_string().decode())
    else:
        main(sys.argv[1:])
