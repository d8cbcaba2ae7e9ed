"""Pure Vietnamese and NĐ30 building blocks, no I/O: NFC text (:mod:`.text`), dates
(:mod:`.dates`), numbers (:mod:`.numbers`) and numbers in words (:mod:`.words`), document types
and numbers (:mod:`.numbering`), the body markup (:mod:`.markup`), and every NĐ30 measurement
(:mod:`.nd30`)."""
