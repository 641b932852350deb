// WCAG contrast of every visible text in the page, measured in the browser on computed colours: text against the
// first opaque background behind it (semi-transparent layers blended in). Disabled controls are exempt (WCAG 1.4.3).
import type { Page } from 'playwright-core';

export interface ContrastProblem {
  text: string;
  ratio: number;
  color: string;
  background: string;
}

// Runs inside the page, so it is a plain script string (the node test build has no DOM types).
const MEASURE = `(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const blend = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const backgroundOf = (el) => {
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    let color = [255, 255, 255, 1];
    for (const layer of layers.reverse()) color = blend(layer, color);
    return color;
  };
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const problems = [];
  for (const el of document.querySelectorAll('body *')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own) continue;
    if (el.closest('[disabled], .sr-only, canvas, option, [aria-hidden="true"]')) continue;
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.height === 0) continue;
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
    const background = backgroundOf(el);
    const color = blend(parse(style.color), background);
    const [hi, lo] = [luminance(color), luminance(background)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      problems.push({
        text: el.textContent.trim().slice(0, 40),
        ratio: Math.round(ratio * 100) / 100,
        color: style.color,
        background: 'rgb(' + background.slice(0, 3).map(Math.round).join(', ') + ')',
      });
    }
  }
  return problems;
})()`;

export async function contrastProblems(page: Page): Promise<ContrastProblem[]> {
  return (await page.evaluate(MEASURE)) as ContrastProblem[];
}
