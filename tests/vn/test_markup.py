from __future__ import annotations

from vnadmin_docs.vn.markup import Cell, Heading, Paragraph, Span, Table, parse, plain


def test_blocks() -> None:
    blocks = parse(
        "# I. MỤC ĐÍCH\n## 1. Mục đích\n### a) Thuận lợi\n#### Ghi chú\n\n"
        "Đoạn một\ndòng hai.\n\n- gạch\n+ cộng\n- gạch hai\ntiếp dòng\n\nCuối."
    )
    assert [type(b).__name__ for b in blocks] == ["Heading"] * 4 + ["Paragraph"] * 5
    assert [b.level for b in blocks[:4] if isinstance(b, Heading)] == [1, 2, 3, 4]
    paragraph = blocks[4]
    assert isinstance(paragraph, Paragraph) and plain(paragraph.spans) == "Đoạn một\ndòng hai."
    markers = [b.marker for b in blocks[5:8] if isinstance(b, Paragraph)]
    assert markers == ["-", "+", "-"]
    last_item = blocks[7]
    assert isinstance(last_item, Paragraph) and plain(last_item.spans) == "- gạch hai\ntiếp dòng"


def test_emphasis_and_escapes() -> None:
    (p,) = parse("a **đậm** *nghiêng* ***cả hai*** \\*không\\* 2 * 3 * 4 **mở")
    assert isinstance(p, Paragraph)
    assert Span("đậm", bold=True) in p.spans
    assert Span("nghiêng", italic=True) in p.spans
    assert Span("cả hai", bold=True, italic=True) in p.spans
    assert plain(p.spans) == "a đậm nghiêng cả hai *không* 2 * 3 * 4 **mở"


def test_text_is_kept_exactly() -> None:
    text = "Sở GD&ĐT <b> \"trích\" 'x' {{ x }} {% y %} 50% #5 a|b"
    (p,) = parse(text)
    assert isinstance(p, Paragraph) and plain(p.spans) == text
    (h,) = parse("\\# không phải tiêu đề")
    assert isinstance(h, Paragraph) and plain(h.spans) == "# không phải tiêu đề"
    (d,) = parse("\\- không phải gạch đầu dòng")
    assert isinstance(d, Paragraph) and d.marker == ""


def test_tables() -> None:
    blocks = parse("Trước\n| TT | Nội dung |\n|---|---|\n| 1 | **Một** |\n| 2 | a \\| b |\nSau")
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph"]
    table = blocks[1]
    assert isinstance(table, Table)
    assert table.header_rows == 1
    assert [[plain(c.spans) for c in row if c] for row in table.rows] == [
        ["TT", "Nội dung"],
        ["1", "Một"],
        ["2", "a | b"],
    ]
    assert table.rows[1][1] == Cell((Span("Một", bold=True),))


def test_a_separator_aligns_its_columns() -> None:
    [table] = parse("| Mã | Tiêu chí | Điểm |\n|:---:|---|---:|\n| 1.1 | Có kế hoạch | 10 |")
    assert isinstance(table, Table)
    assert [[c.align for c in row if c] for row in table.rows] == [["center", "left", "right"]] * 2
