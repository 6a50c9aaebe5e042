/**
 * Aligned text tables for the console (`list`, `sim defects`), wrapped to the terminal's width:
 * every column but the last is padded to its widest cell (a column may not take more than
 * `maxColumn` characters; longer cells wrap inside it), and the last column wraps with its text
 * kept under its heading. Without a width (output to a pipe or a file) nothing wraps, so grep sees
 * one line per row.
 */

/** Words of `text` in lines of at most `width` characters (a word longer than that is cut). */
export function wrapText(text: string, width: number): string[] {
  if (width <= 0 || text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let w = word;
    while (w.length > width) {
      if (line) lines.push(line);
      line = '';
      lines.push(w.slice(0, width));
      w = w.slice(width);
    }
    if (!line) line = w;
    else if (line.length + 1 + w.length <= width) line += ` ${w}`;
    else {
      lines.push(line);
      line = w;
    }
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

export function formatTable(rows: readonly (readonly string[])[], options: { width?: number; maxColumn?: number; gap?: number } = {}): string {
  const gap = options.gap ?? 2;
  const columns = Math.max(...rows.map((r) => r.length));
  const maxColumn = options.width === undefined ? Infinity : (options.maxColumn ?? 40);
  const widths = Array.from({ length: columns - 1 }, (_, i) => Math.min(maxColumn, Math.max(...rows.map((r) => (r[i] ?? '').length))));
  const lastStart = widths.reduce((a, w) => a + w + gap, 0);
  const lastWidth = options.width === undefined ? 0 : Math.max(20, options.width - lastStart);
  const out: string[] = [];
  for (const row of rows) {
    const cells = Array.from({ length: columns }, (_, i) => wrapText(row[i] ?? '', i < columns - 1 ? (widths[i] ?? 0) : lastWidth));
    const height = Math.max(...cells.map((c) => c.length));
    for (let l = 0; l < height; l++) {
      const parts = cells.map((c, i) => (i < columns - 1 ? (c[l] ?? '').padEnd(widths[i] ?? 0) : (c[l] ?? '')));
      out.push(parts.join(' '.repeat(gap)).trimEnd());
    }
  }
  return out.join('\n');
}

/** The width to wrap to: the terminal's, or none when the output is not a terminal. */
export function tableWidth(io: { isTty: boolean; columns?: () => number | undefined }): number | undefined {
  if (!io.isTty) return undefined;
  const columns = io.columns?.() ?? 0;
  return columns > 0 ? columns : undefined;
}
