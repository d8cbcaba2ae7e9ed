"""The self-assessment workbook (phiếu tự đánh giá) as a format: :mod:`.layout` (what it holds,
shared with its reader :mod:`vnadmin_docs.io.form`), :mod:`.form` (writing it from an indicator
set), :mod:`.guide` (its instructions sheet)."""
