/** A table cell: its text, and how to paint it once padded (colour never counts towards a column's width). */
export interface Cell {
  text: string;
  paint?: (text: string) => string;
}

export type Row = Array<string | Cell>;

const GAP = "  ";

const cell = (value: string | Cell): Cell => (typeof value === "string" ? { text: value } : value);

/**
 * Lines of an aligned table: every column as wide as its widest text, two
 * spaces between columns, no trailing blanks.
 */
export function renderTable(header: Row, rows: Row[]): string[] {
  const all = [header, ...rows].map((row) => row.map(cell));
  const widths = header.map((_, column) => Math.max(...all.map((row) => row[column]?.text.length ?? 0)));
  return all.map((row) =>
    row
      .map((c, column) => {
        const text = c.paint ? c.paint(c.text) : c.text;
        return column === row.length - 1 ? text : text + " ".repeat(widths[column] - c.text.length);
      })
      .join(GAP)
      .trimEnd(),
  );
}
