"""Insert rows into a workbook's sheet with LibreOffice itself, as a clerk would in Calc.

A standalone script for the system Python that has python3-uno (like ``_uno_client.py``):
``uno_insert_rows.py SOFFICE PROFILE_DIR FILE SHEET ROW COUNT`` inserts COUNT rows above ROW
(1-based) of SHEET, then saves FILE as .xlsx again.
"""

import contextlib
import subprocess
import sys
import time
import uuid
from typing import Any


def _prop(name: str, value: object) -> Any:
    from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def main() -> None:
    import uno  # type: ignore[import-not-found]

    soffice, profile, path, sheet_name, row, count = sys.argv[1:7]
    pipe = f"vnadmin-test-{uuid.uuid4().hex}"
    office = subprocess.Popen(
        [soffice, f"-env:UserInstallation={uno.systemPathToFileUrl(profile)}", "--headless",
         "--invisible", "--norestore", f"--accept=pipe,name={pipe};urp;"]
    )  # fmt: skip
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local
        )
        deadline = time.monotonic() + 120
        while True:
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        url = uno.systemPathToFileUrl(path)
        doc = desktop.loadComponentFromURL(url, "_blank", 0, (_prop("Hidden", True),))
        sheet = doc.Sheets.getByName(sheet_name)
        sheet.unprotect("")
        sheet.Rows.insertByIndex(int(row) - 1, int(count))
        sheet.protect("")
        doc.storeToURL(url, (_prop("FilterName", "Calc MS Excel 2007 XML"),))
        doc.close(True)
        # LibreOffice quits and drops the connection before answering
        with contextlib.suppress(Exception):
            desktop.terminate()
        office.wait(timeout=60)
    finally:
        if office.poll() is None:
            office.kill()
            office.wait()


if __name__ == "__main__":
    main()
