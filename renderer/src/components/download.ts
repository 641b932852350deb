// Saves text the user asked for (a CSV export) as a file through a Blob link: no Node APIs in the window.
export function downloadText(filename: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  // A byte-order mark lets Excel read the Romanian diacritics as UTF-8 (the orders CSV comes with one already: the
  // file then holds exactly what `magflow orders --csv` prints).
  const body = text.startsWith('\ufeff') ? text : `\ufeff${text}`;
  const url = URL.createObjectURL(new Blob([body], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
