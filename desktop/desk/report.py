"""The council's yearly report as a PDF with charts and as CSV, both without personal data.

Input is a :class:`desktop.desk.figures.YearlyReport` (counts only) and the unit's name; every
count from 1 to 4 is printed as "<5" and drawn as an empty bar labelled "<5" (a bar of its true
height would tell the number); a count printed as "≥5" (so that a single "<5" cannot be worked out
from the total, :func:`desktop.desk.figures.table_texts`) is drawn the same way. Rendered in
memory, off the UI thread; nothing is written to disk until the caseworker saves the result.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from desktop.desk.figures import Share, YearlyReport, share_parts, shown, table_texts
from desktop.desk.report_labels import label
from desktop.documents.fonts import BOLD, REGULAR, register_fonts

INK = colors.HexColor("#1f2933")
ACCENT = colors.HexColor("#1d4e6f")
MUTED = colors.HexColor("#5f6b7a")
RULE = colors.HexColor("#cfd6de")
BAR = colors.HexColor("#3b7ea1")
WIDTH = A4[0] - 40 * mm


def share_text(share: Share, language: str) -> str:
    """A share as printed: an exact percentage, or words that keep a small count hidden."""
    kind, a, b = share_parts(share)
    if kind == "exact":
        return label(language, "share_exact", percent=a, count=b)
    if kind == "small":
        return label(language, "share_small", total=b)
    if kind == "almost":
        return label(language, "share_almost", count=a, total=b)
    if kind == "small_total":
        return label(language, "share_small_total")
    return label(language, "share_none")


def _month_label(code: str, language: str) -> str:
    return f"{label(language, 'month.' + code[5:])} {code[2:4]}"


#: (code, label, count, the count as printed) of one table.
Rows = tuple[tuple[str, str, int, str], ...]
#: Tables that count each notification once (their rows add up to the total).
ONCE_EACH = frozenset({"by_month", "by_profession", "by_age_band"})


def _rows_with_labels(report: YearlyReport, language: str,
                      category_labels: Mapping[str, str]) -> list[tuple[str, str, Rows]]:
    """(section key, section code, ((code, label, count), …)) for every table of the report."""
    from desktop.desk.report_labels import LABELS

    texts = LABELS.get(language, LABELS["da"])

    def rows(key: str, counts: Sequence[tuple[str, int]], name: Callable[[str], str]) -> Rows:
        printed = table_texts(counts, once_each=key in ONCE_EACH)
        return tuple((code, name(code), count, text) for (code, count), text in zip(counts, printed,
                                                                                     strict=True))

    return [
        ("by_month", "month", rows("by_month", report.by_month, lambda c: _month_label(c, language))),
        ("by_profession", "profession",
         rows("by_profession", report.by_profession, lambda c: texts.get(f"profession.{c}", c))),
        ("by_age_band", "age_band",
         rows("by_age_band", report.by_age_band, lambda c: texts.get(f"age.{c}", c))),
        ("by_ground", "ground", rows("by_ground", report.by_ground, lambda c: texts.get(f"ground.{c}", c))),
        ("by_category", "category", rows("by_category", report.by_category,
                                         lambda c: category_labels.get(c) or c)),
    ]


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=14, textColor=INK)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=20, leading=24,
                                textColor=ACCENT),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=12, leading=16, spaceAfter=3 * mm),
        "h1": ParagraphStyle("h1", parent=base, fontName=BOLD, fontSize=13, leading=16, textColor=ACCENT,
                             spaceBefore=6 * mm, spaceAfter=2 * mm),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=12, textColor=MUTED),
    }


def _chart(rows: Rows, *, vertical: bool) -> Drawing:
    # A count not printed exactly is not drawn at its height either (the bar would tell it).
    values = [n if text == str(n) else 0 for _, _, n, text in rows]
    texts = [text for _, _, _, text in rows]
    names = [name for _, name, _, _ in rows]
    top = max([*values, 5])
    if vertical:
        drawing = Drawing(WIDTH, 60 * mm)
        chart: VerticalBarChart | HorizontalBarChart = VerticalBarChart()
        chart.x, chart.y, chart.width, chart.height = 12 * mm, 12 * mm, WIDTH - 16 * mm, 42 * mm
    else:
        height = max(20 * mm, 8 * mm * len(rows))
        drawing = Drawing(WIDTH, height + 10 * mm)
        chart = HorizontalBarChart()
        chart.x, chart.y, chart.width, chart.height = 62 * mm, 6 * mm, WIDTH - 74 * mm, height
        chart.categoryAxis.reverseDirection = 1
    chart.data = [values]
    chart.categoryAxis.categoryNames = names
    chart.categoryAxis.labels.fontName = REGULAR
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.labels.fontName = REGULAR
    chart.valueAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top * 1.15
    chart.valueAxis.forceZero = 1
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "values"
    chart.barLabelArray = [texts]
    chart.barLabels.fontName = REGULAR
    chart.barLabels.fontSize = 7.5
    if vertical:
        chart.barLabels.nudge = 6
    else:
        chart.barLabels.boxAnchor = "w"
        chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def _table(rows: Rows, language: str) -> Table:
    data = [[label(language, "column_what"), label(language, "column_count")]]
    data += [[name, text] for _, name, _, text in rows]
    table = Table(data, colWidths=[WIDTH - 30 * mm, 30 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), REGULAR, 9),
        ("FONT", (0, 0), (-1, 0), BOLD, 9),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.5, RULE),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
    ]))
    return table


def render_report_pdf(report: YearlyReport, *, unit: str, language: str = "da",
                      category_labels: Mapping[str, str] | None = None, made: date | None = None) -> bytes:
    """The report as PDF bytes: overview, then a chart and a table per breakdown."""
    register_fonts()
    styles = _styles()
    made = made or date.today()
    buffer = io.BytesIO()
    template = SimpleDocTemplate(buffer, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                                 topMargin=18 * mm, bottomMargin=18 * mm, title=label(language, "title"),
                                 author="Underret", creator="Underret", producer="Underret", lang=language,
                                 invariant=True)
    story: list[Flowable] = [
        Paragraph(label(language, "title"), styles["title"]),
        Paragraph(label(language, "subtitle", unit=unit, start=report.start.strftime("%d.%m.%Y"),
                        end=report.end.strftime("%d.%m.%Y")), styles["subtitle"]),
        Paragraph(label(language, "made", date=made.strftime("%d.%m.%Y")), styles["note"]),
        Paragraph(label(language, "small_rule"), styles["note"]),
        Paragraph(label(language, "overview"), styles["h1"]),
    ]
    overview = [
        [label(language, "total"), shown(report.total)],
        [label(language, "acute"), share_text(report.acute, language)],
        [label(language, "assessed"), share_text(report.assessed_in_time, language)],
        [label(language, "acknowledged"), share_text(report.acknowledged_in_time, language)],
        [label(language, "repeats"), share_text(report.repeats, language)],
    ]
    table = Table(overview, colWidths=[WIDTH - 45 * mm, 45 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 10), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                               ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE)]))
    story.append(table)
    for key, _, rows in _rows_with_labels(report, language, category_labels or {}):
        block: list[Flowable] = [Paragraph(label(language, key), styles["h1"]),
                                 _chart(rows, vertical=key == "by_month"), Spacer(1, 2 * mm),
                                 _table(rows, language)]
        if key in ("by_ground", "by_category"):
            block.append(Paragraph(label(language, "by_category_note"), styles["note"]))
        story.append(KeepTogether(block))
    template.build(story)
    return buffer.getvalue()


def report_csv(report: YearlyReport, *, language: str = "da",
               category_labels: Mapping[str, str] | None = None) -> str:
    """The report as CSV text (semicolon-separated, as Danish spreadsheets expect), counts as printed."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([label(language, key) for key in ("csv.section", "csv.code", "csv.label", "csv.count")])
    period = f"{report.start.isoformat()}/{report.end.isoformat()}"
    writer.writerow(["period", period, label(language, "csv.period"), ""])
    writer.writerow(["overview", "total", label(language, "total"), shown(report.total)])
    for code, share in (("acute", report.acute), ("assessed", report.assessed_in_time),
                        ("acknowledged", report.acknowledged_in_time), ("repeats", report.repeats)):
        writer.writerow(["overview", code, label(language, code), share_text(share, language)])
    for _, section, rows in _rows_with_labels(report, language, category_labels or {}):
        for code, name, _, text in rows:
            writer.writerow([section, code, name, text])
    return out.getvalue()
