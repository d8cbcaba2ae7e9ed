"""What a build wrote, kept beside its outputs so that a rebuild never overwrites an edit.

Every build (a dossier, a plan kit, a rendered document) records the files it wrote in
``.vnadmin-manifest.json`` in their folder: per file name its sha256, size, the input it came
from and the tool's version. Before writing anything, a rebuild calls :func:`guard` with the
files it is about to write: one that exists and whose hash differs from the manifest was edited
since (in Word, by hand) and the build stops with :class:`~vnadmin_docs.errors.EditedFilesError`
naming them, unless told to overwrite. A file the user deleted is simply written again; a file
the manifest does not know (built before manifests existed) is overwritten as before.

The manifest may also hold what ``assemble`` needs to rebuild ``ho-so.pdf`` from the parts as
they are now (``dossier``: titles and PDF metadata), written by the dossier build.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from .. import __version__
from .._atomic import atomic_path
from ..errors import EditedFilesError

__all__ = ["MANIFEST_NAME", "Manifest", "edited", "guard", "record", "sha256"]

MANIFEST_NAME: Final = ".vnadmin-manifest.json"
"""The manifest's file name in an output folder."""

VERSION: Final = 1
"""The manifest format's version."""


def sha256(path: Path) -> str:
    """The file's sha256, hex."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class Manifest:
    """A folder's manifest: ``files`` maps a file name to its record (``sha256``, ``size``,
    ``source``, ``tool``); ``dossier`` is what ``assemble`` needs (empty when not a dossier)."""

    files: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    dossier: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """The folder's manifest; an empty one when there is none or it cannot be read (a
        manifest is a safeguard, never a reason for a build to fail)."""
        try:
            data = json.loads((folder / MANIFEST_NAME).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict) or not isinstance(data.get("files"), dict):
            return cls()
        files = {k: v for k, v in data["files"].items() if isinstance(v, dict)}
        dossier = data.get("dossier")
        return cls(files, dossier if isinstance(dossier, dict) else {})

    def write(self, folder: Path) -> Path:
        """Write the manifest into ``folder`` (atomically)."""
        data = {"version": VERSION, "tool": f"vnadmin-docs {__version__}",
                "files": dict(sorted(self.files.items()))}  # fmt: skip
        if self.dossier:
            data["dossier"] = dict(self.dossier)
        target = folder / MANIFEST_NAME
        with atomic_path(target) as tmp:
            tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return target


def edited(folder: Path, names: Iterable[str]) -> list[str]:
    """Which of ``names`` in ``folder`` exist and differ from what the manifest recorded."""
    manifest = Manifest.read(folder)
    out = []
    for name in names:
        entry = manifest.files.get(name)
        path = folder / name
        if entry is None or not path.is_file():
            continue
        if path.stat().st_size != entry.get("size") or sha256(path) != entry.get("sha256"):
            out.append(name)
    return out


def guard(targets: Iterable[Path], *, overwrite: bool = False) -> None:
    """Refuse (:class:`~vnadmin_docs.errors.EditedFilesError`) to go on when any of the files
    a build is about to write was edited since the last build, unless ``overwrite``."""
    if overwrite:
        return
    by_folder: dict[Path, list[str]] = {}
    for target in targets:
        by_folder.setdefault(target.parent, []).append(target.name)
    changed = [name for folder, names in by_folder.items() for name in edited(folder, names)]
    if changed:
        raise EditedFilesError(changed)


def record(
    written: Iterable[Path],
    *,
    source: str | Path | None = None,
    dossier: Mapping[str, Any] | None = None,
) -> list[Path]:
    """Record ``written`` (made from ``source``) in the manifest of each one's folder, keeping
    the other entries whose files still exist; returns the manifests written."""
    by_folder: dict[Path, list[Path]] = {}
    for path in written:
        by_folder.setdefault(path.parent, []).append(path)
    manifests = []
    for folder, paths in by_folder.items():
        old = Manifest.read(folder)
        files = {name: entry for name, entry in old.files.items() if (folder / name).is_file()}
        for path in paths:
            files[path.name] = {
                "sha256": sha256(path),
                "size": path.stat().st_size,
                "source": None if source is None else str(source),
                "tool": f"vnadmin-docs {__version__}",
            }
        kept = old.dossier if dossier is None else dossier
        manifests.append(Manifest(files, kept).write(folder))
    return manifests
