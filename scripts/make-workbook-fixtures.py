#!/usr/bin/env python3
"""Writes the workbook fixtures in tests/fixtures/workbooks/.

Workbooks are written by real spreadsheet software, never zipped by hand:
openpyxl (PyPI) writes the .xlsx files; LibreOffice Calc (Debian's
libreoffice-calc-nogui, run headless) converts them to .ods, and re-saves one
.ods as .xlsx so LibreOffice's own xlsx writer is covered too. Each fixture
that should read to a dataset has an `.expected.csv` beside it: the same
figures as plain CSV, read by the text readers in the tests.

    pip install openpyxl
    apt-get install -y libreoffice-calc-nogui
    python3 scripts/make-workbook-fixtures.py

The output is committed; rerun only to change the fixtures.
"""

import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import tempfile

from openpyxl import Workbook

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "fixtures", "workbooks")
SAMPLE = os.path.join(ROOT, "data", "sample-2021-03.csv")

NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def cell(text):
    """A CSV field as a spreadsheet user would have it: numbers as numbers,
    everything else (periods such as 2021-03, No Events, ~43) as text."""
    if NUMBER.match(text):
        return int(text) if "." not in text else float(text)
    return text if text != "" else None


def sample_rows():
    with open(SAMPLE, newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def save(wb, name):
    path = os.path.join(OUT, name)
    wb.save(path)
    return path


def write_csv(name, rows):
    with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def soffice(src, fmt, outdir):
    """Converts with LibreOffice headless; returns the new file's path."""
    subprocess.run(
        ["soffice", "--headless", "--norestore", "--convert-to", fmt, "--outdir", outdir, src],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    base = os.path.splitext(os.path.basename(src))[0]
    return os.path.join(outdir, base + "." + fmt)


def long_sample():
    """The embedded sample's long CSV as one sheet."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Figures"
    for row in sample_rows():
        ws.append([cell(v) for v in row])
    return save(wb, "sample-long.xlsx")


def two_sheets():
    """A notes sheet first, then the data: the reader must pick the data."""
    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes.append(["Figures for March 2021, from the PMR"])
    notes.append(["Prepared by", "Operations"])
    notes.append(["Checked", datetime.date(2021, 4, 12)])
    data = wb.create_sheet("Data")
    rows = [
        ["period", "measure", "provider", "value", "successes", "total"],
        ["2021-03", "PM2", "CSPN", 23.74, 56774, 239128],
        ["2021-03", "PM2", "CSPC", 99.17, 571383, 576139],
        ["2021-03", "PM1.1", "DSP", 99.83, None, None],
    ]
    for r in rows:
        data.append(r)
    wb.create_sheet("Empty")
    write_csv("two-sheets.expected.csv", [[("" if v is None else v) for v in r] for r in rows])
    return save(wb, "two-sheets.xlsx")


def wide_dates():
    """A wide table whose month headers are real dates shown as Mmm-yy."""
    rows = sample_rows()
    head = rows[0]
    col = {h: i for i, h in enumerate(head)}
    levels = {}
    for r in rows[1:]:
        if r[col["reported_in"]] != "2021-03" or r[col["successes"]] or r[col["category"]]:
            continue
        if r[col["period"]] in ("2021-02", "2021-03") and NUMBER.match(r[col["value"]]):
            levels.setdefault((r[col["measure"]], r[col["provider"]]), {})[r[col["period"]]] = r[col["value"]]
    both = [(k, v) for k, v in levels.items() if len(v) == 2][:20]
    wb = Workbook()
    ws = wb.active
    ws.title = "Wide"
    ws.append(["measure", "provider", datetime.date(2021, 2, 1), datetime.date(2021, 3, 1)])
    for c in ("C1", "D1"):
        ws[c].number_format = "mmm-yy"
    expected = [["measure", "provider", "2021-02", "2021-03"]]
    for (measure, provider), v in both:
        ws.append([measure, provider, float(v["2021-02"]), float(v["2021-03"])])
        expected.append([measure, provider, v["2021-02"], v["2021-03"]])
    write_csv("wide-dates.expected.csv", expected)
    return save(wb, "wide-dates.xlsx")


def percent_fractions():
    """Levels typed as percentages: stored as fractions with a % format."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Levels"
    ws.append(["period", "measure", "provider", "value"])
    for r in [
        ["2021-03", "PM2", "CSPC", 0.9917],
        ["2021-03", "PM2", "CSPS", 0.9928],
        ["2021-03", "PM1.1", "DSP", 0.9983],
    ]:
        ws.append(r)
    for row in ws.iter_rows(min_row=2, min_col=4, max_col=4):
        for c in row:
            c.number_format = "0.00%"
    return save(wb, "percent-fractions.xlsx")


def bench_rows():
    """About 5,000 rows for the benchmark: the sample's March levels, repeated
    over 42 months from October 2017 (values unchanged; the time is the point)."""
    rows = sample_rows()
    col = {h: i for i, h in enumerate(rows[0])}
    march = [
        r
        for r in rows[1:]
        if r[col["period"]] == "2021-03" and not r[col["category"]] and r[col["reported_in"]] == "2021-03"
    ]
    out = [["period", "measure", "provider", "value", "successes", "total"]]
    month = datetime.date(2017, 10, 1)
    while len(out) <= 5000:
        for r in march:
            out.append(
                [month.strftime("%Y-%m"), r[col["measure"]], r[col["provider"]]]
                + [cell(r[col[k]]) for k in ("value", "successes", "total")]
            )
        month = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return out[:5001]


def bench():
    wb = Workbook()
    ws = wb.active
    ws.title = "Figures"
    for r in bench_rows():
        ws.append(r)
    return save(wb, "bench-5000.xlsx")


def main():
    if shutil.which("soffice") is None:
        sys.exit("soffice not found: apt-get install -y libreoffice-calc-nogui")
    os.makedirs(OUT, exist_ok=True)
    long_xlsx = long_sample()
    two = two_sheets()
    wide = wide_dates()
    pct = percent_fractions()
    bench()
    with tempfile.TemporaryDirectory() as tmp:
        # LibreOffice writes the .ods files from openpyxl's .xlsx ...
        for src in (long_xlsx, two, wide, pct):
            shutil.move(soffice(src, "ods", tmp), OUT)
        # ... and its own .xlsx from an .ods (other shared strings, styles, dimensions).
        ods = os.path.join(tmp, "lo")
        os.makedirs(ods)
        shutil.copy(os.path.join(OUT, "sample-long.ods"), os.path.join(ods, "sample-long-libreoffice.ods"))
        shutil.move(
            soffice(os.path.join(ods, "sample-long-libreoffice.ods"), "xlsx", tmp),
            os.path.join(OUT, "sample-long-libreoffice.xlsx"),
        )
    # A damaged download: the first 60% of a good workbook.
    with open(long_xlsx, "rb") as f:
        data = f.read()
    with open(os.path.join(OUT, "truncated.xlsx"), "wb") as f:
        f.write(data[: len(data) * 6 // 10])
    print("wrote", ", ".join(sorted(os.listdir(OUT))))


if __name__ == "__main__":
    main()
