//! A table as tab-separated text, ready to paste into Excel, LibreOffice or
//! Word (each becomes a table there). No DOM: the app's "Copy table"
//! button reads the cells' text and passes it here.

/// Rows of cells as TSV: cells joined by tabs, rows by newlines (`\n`;
/// spreadsheets and Word take it as pasted). A tab, newline or carriage
/// return inside a cell becomes a space, and runs of spaces one, so a cell
/// never splits; each cell is trimmed. Rows may have different lengths.
pub fn to_tsv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for (j, cell) in row.iter().enumerate() {
            if j > 0 {
                out.push('\t');
            }
            out.push_str(&clean(cell));
        }
    }
    out
}

/// A cell's text on one line: whitespace (tabs, newlines, non-breaking
/// spaces) collapsed to single spaces, trimmed.
pub fn clean(cell: &str) -> String {
    cell.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn cells_by_tabs_rows_by_newlines() {
        let t = rows(&[
            &["Measure", "Provider", "Level"],
            &["CPM1", "DCC", "92.75%"],
        ]);
        assert_eq!(to_tsv(&t), "Measure\tProvider\tLevel\nCPM1\tDCC\t92.75%");
    }

    #[test]
    fn tabs_and_newlines_inside_a_cell_become_spaces() {
        let t = rows(&[
            &["a\tb", "line one\nline two\r\n", "  padded  "],
            &["x\u{a0}\u{a0}y"],
        ]);
        assert_eq!(to_tsv(&t), "a b\tline one line two\tpadded\nx y");
    }

    #[test]
    fn empty_cells_and_rows_keep_their_place() {
        let t = rows(&[&["a", "", "c"], &[], &["", ""]]);
        assert_eq!(to_tsv(&t), "a\t\tc\n\n\t");
        assert_eq!(to_tsv(&[]), "");
    }

    #[test]
    fn pasted_back_it_reads_as_the_same_cells() {
        let t = rows(&[&["Level", "Change"], &["92.75%", "−0.40 pp"]]);
        let text = to_tsv(&t);
        let back: Vec<Vec<String>> = text
            .split('\n')
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect();
        assert_eq!(back, t);
    }
}
