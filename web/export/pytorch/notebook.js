// A Jupyter notebook (nbformat 4.5) from the export's cells: each cell's heading (and text) as
// Markdown, its code as a code cell, so that the code cells in order are the script.

// A cell's source as nbformat writes it: a list of lines, each but the last ending in "\n".
export function sourceLines(text) {
  const parts = text.split('\n');
  return parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line)).filter((l) => l !== '');
}

const cellId = (prefix, i) => `${prefix}-${i}`;

export function notebookOf(cells, {language = 'es'} = {}) {
  const out = [];
  cells.forEach((cell, i) => {
    const markdown = [`${i === 0 ? '#' : '##'} ${cell.heading}`, cell.text ? `\n${cell.text}` : null].filter(Boolean).join('\n');
    out.push({cell_type: 'markdown', id: cellId('texto', i), metadata: {}, source: sourceLines(markdown)});
    out.push({cell_type: 'code', id: cellId('codigo', i), metadata: {}, execution_count: null, outputs: [],
      source: sourceLines(cell.code)});
  });
  return {
    cells: out,
    metadata: {
      kernelspec: {display_name: 'Python 3', language: 'python', name: 'python3'},
      language_info: {name: 'python'},
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
}
