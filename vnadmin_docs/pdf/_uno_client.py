"""UNO client for the warm LibreOffice (run by the system Python that has ``python3-uno``).

This file is a standalone script: it imports nothing from vnadmin_docs, because it runs under
the interpreter LibreOffice's UNO bindings belong to, not the project's. ``warm.py`` starts
it next to a listening ``soffice`` (arguments: the pipe name, the timeout in seconds, the
PDF export filter's ``SelectPdfVersion``: ``2`` for PDF/A-2b, ``0`` for plain PDF, and
optionally the process group of that ``soffice``) and talks to it over stdin/stdout, one line
per message:

- it prints ``READY`` once connected (retrying while LibreOffice starts), or ``ERROR …``;
- it reads ``CONVERT <id> <outdir>\\t<file>\\t<file>…`` and answers ``DONE <id> <pdf>`` per
  file, then ``OK <id>``, or ``ERROR <id> …``; the ``id`` (no spaces) lets the caller tell the
  replies to this request from late replies to an earlier one;
- it reads ``QUIT``, or reaches the end of its input (its parent is gone), asks LibreOffice to
  quit, and exits. If its parent goes away while it is still connecting, it kills the
  ``soffice`` process group it was given and exits.
"""

import contextlib
import os
import signal
import sys
import time
from pathlib import Path


def _say(message: str) -> None:
    sys.stdout.write(message + "\n")
    sys.stdout.flush()


def _orphaned(parent: int, soffice: int | None) -> None:
    """Exit, taking LibreOffice along, when whoever started us is gone."""
    if os.getppid() != parent:
        if soffice is not None:
            with contextlib.suppress(OSError):
                os.killpg(soffice, signal.SIGKILL)
        sys.exit(5)


def _connect(pipe: str, deadline: float, soffice: int | None) -> object:
    import uno  # type: ignore[import-not-found]

    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    parent = os.getppid()
    while True:
        try:
            context = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
            return context.ServiceManager.createInstanceWithContext(
                "com.sun.star.frame.Desktop", context
            )
        except Exception:
            if time.monotonic() > deadline:
                raise
            _orphaned(parent, soffice)
            time.sleep(0.05)


def _prop(name: str, value: object) -> object:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    prop = PropertyValue()
    prop.Name = name
    prop.Value = value
    return prop


def _convert(
    desktop: object, request: str, outdir: Path, files: list[str], pdf_version: int
) -> None:
    import uno

    # FilterData is an any holding a sequence of PropertyValue: a plain tuple is not recognised
    filter_data = uno.Any(
        "[]com.sun.star.beans.PropertyValue", (_prop("SelectPdfVersion", pdf_version),)
    )

    for name in files:
        source = Path(name).resolve()
        target = outdir / (source.stem + ".pdf")
        doc = desktop.loadComponentFromURL(  # type: ignore[attr-defined]
            uno.systemPathToFileUrl(str(source)), "_blank", 0, (_prop("Hidden", True),)
        )
        if doc is None:
            raise RuntimeError(f"cannot load {source}")
        try:
            options = (_prop("FilterName", "writer_pdf_Export"), _prop("FilterData", filter_data))
            uno.invoke(doc, "storeToURL", (uno.systemPathToFileUrl(str(target)), options))
        finally:
            doc.close(True)
        _say(f"DONE {request} {target}")


def main(argv: list[str]) -> int:
    pipe, timeout = argv[0], float(argv[1])
    pdf_version = int(argv[2]) if len(argv) > 2 else 0
    soffice = int(argv[3]) if len(argv) > 3 else None
    try:
        desktop = _connect(pipe, time.monotonic() + timeout, soffice)
    except ImportError as exc:
        _say(f"ERROR NO_UNO {exc}")
        return 3
    except Exception as exc:
        _say(f"ERROR CONNECT {exc}")
        return 4
    _say("READY")
    for line in sys.stdin:
        command, _, rest = line.rstrip("\n").partition(" ")
        if command == "QUIT":
            break
        if command == "CONVERT":
            request, _, rest = rest.partition(" ")
            outdir, *files = rest.split("\t")
            try:
                _convert(desktop, request, Path(outdir), files, pdf_version)
            except Exception as exc:
                _say(f"ERROR {request} {exc}".replace("\n", " "))
                continue
            _say(f"OK {request}")
    # QUIT, or the end of input because whoever started us is gone: LibreOffice goes too
    with contextlib.suppress(Exception):  # LibreOffice closes the bridge as it quits
        desktop.terminate()  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
