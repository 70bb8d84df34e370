//! Pasted text to a [`Grid`]: the separator sniffed over the first lines,
//! every row kept at its line (a blank line is an empty row), so a row of
//! the grid is the row the user sees in their spreadsheet.

use super::Grid;
use crate::io::long_csv::Lines;

/// How many lines the separator is sniffed over: enough to see past a
/// title and a few notes above the header.
const SNIFF_LINES: usize = 30;

/// The separator that splits the most of the first lines into the same
/// number of fields: a title or a note row may have no separator at all,
/// and a European file's `99,83` must not outvote its semicolons. A tab
/// wins wherever there is one, as spreadsheets copy tab-separated. Quoted
/// text is not counted.
pub fn sniff(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(SNIFF_LINES)
        .collect();
    if lines.iter().any(|l| l.contains('\t')) {
        return b'\t';
    }
    let score = |sep: char| {
        let counts: Vec<usize> = lines
            .iter()
            .map(|l| {
                let mut quoted = false;
                l.chars()
                    .filter(|&c| {
                        if c == '"' {
                            quoted = !quoted;
                        }
                        c == sep && !quoted
                    })
                    .count()
            })
            .filter(|&n| n > 0)
            .collect();
        // The most common count, and on how many lines it is found.
        let mut best = (0, 0);
        for &n in &counts {
            let lines_with_n = counts.iter().filter(|&&m| m == n).count();
            best = best.max((lines_with_n, n));
        }
        best
    };
    if score(';') > score(',') {
        b';'
    } else {
        b','
    }
}

impl Grid {
    /// Reads pasted or uploaded text into rows of cells, separated by
    /// `delimiter`. Rows may differ in length; quotes are honoured (a cell
    /// may hold the separator or a line break).
    pub fn from_text(name: &str, text: &str, delimiter: u8) -> Grid {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let mut lines = Lines::new(text);
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut record = csv::StringRecord::new();
        // The input is a `&str`, so the reader meets no invalid UTF-8; an
        // unclosed quote runs to the end, as a spreadsheet would read it.
        while let Ok(true) = reader.read_record(&mut record) {
            let line = record.position().map_or(0, |p| lines.line_at(p.byte()));
            let at = usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX);
            while rows.len() < at {
                rows.push(Vec::new());
            }
            rows.push(record.iter().map(str::to_owned).collect());
        }
        Grid {
            name: name.into(),
            rows,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_is_the_one_most_lines_agree_on() {
        #[rustfmt::skip]
        let cases = [
            ("Figures for May\nmeasure,provider,May-21\nPM2,CSPN,99\n", b','),
            ("Title; with a semicolon\na,b,c,d\n1,2,3,4\n5,6,7,8\n", b','),
            ("period;measure;value\n2021-03;PM2;99,83\n2021-04;PM2;98,5\n", b';'),
            ("\"a, quoted\";\"b, c\";d\n1;2;3\n", b';'),
            ("Title\n\nmeasure\tprovider\n", b'\t'),
            ("just words\n", b','),
            ("", b','),
        ];
        for (text, want) in cases {
            assert_eq!(sniff(text), want, "{text:?}");
        }
    }

    #[test]
    fn rows_stay_at_their_lines() {
        let g = Grid::from_text("", "Title\n\na,b\r\n\"x\ny\",2\n1,2,3\n", b',');
        let rows: Vec<Vec<&str>> = g
            .rows
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        assert_eq!(
            rows,
            vec![
                vec!["Title"],
                vec![],
                vec!["a", "b"],
                vec!["x\ny", "2"],
                vec![],
                vec!["1", "2", "3"],
            ]
        );
    }
}
