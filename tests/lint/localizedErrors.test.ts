// Main's errors are written from the message catalogue, never as literal English (issue 16 §1): the lint rule in
// eslint.config.mjs fails on each way a literal text can reach AppError, conflict, invalidInput or notFound, and
// passes a catalogue entry. The sandbox (the fake eMAG) keeps its English.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

const IMPORTS = "import { AppError, conflict, invalidInput, notFound, type Issue } from '../errors';\n";

/** The rule's messages for `code` as if it were `file` (repository-relative; it need not exist). */
async function literalErrors(code: string, file = 'main/core/orders/probe.ts'): Promise<string[]> {
  const [result] = await eslint.lintText(`${IMPORTS}${code}\n`, { filePath: resolve(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

describe('main error texts come from the catalogue', () => {
  it('refuses a literal message, template or concatenation', async () => {
    expect(await literalErrors("export const e = new AppError('conflict', 'Order cannot be acknowledged');")).toEqual([
      expect.stringMatching(/^AppError: an error text comes from the message catalogue/),
    ]);
    expect(await literalErrors('export const e = (id: number) => conflict(`Action ${id} is not failed`);')).toEqual([
      expect.stringMatching(/^conflict:/),
    ]);
    expect(await literalErrors("export const e = conflict('No ' + 'password');")).toEqual([
      expect.stringMatching(/^conflict:/),
    ]);
    expect(await literalErrors('export const e = (id: number) => notFound(`Order ${id}`, id);')).toEqual([
      expect.stringMatching(/^notFound:/),
    ]);
  });

  it('refuses a literal issue, inline or built apart', async () => {
    expect(
      await literalErrors("export const e = invalidInput([{ path: 'reason', message: 'A reason is needed' }]);"),
    ).toEqual([expect.stringMatching(/^an issue: an error text comes from the message catalogue/)]);
    const apart =
      "const issues: Issue[] = [];\nissues.push({ path: 'courierAccountId', message: `pick ${1}` });\nexport const e = invalidInput(issues);";
    expect(await literalErrors(apart)).toEqual([expect.stringMatching(/^an issue:/)]);
  });

  it('passes catalogue entries and texts that are not literals (eMAG or a helper gave them)', async () => {
    const code = [
      "export const a = new AppError('conflict', (text) => text.errors.orders.fbeShips, undefined, 'code');",
      'export const b = (id: number) => conflict((text) => text.errors.orders.noAwbCourier(id));',
      "export const c = invalidInput([{ path: 'reason', message: (text) => text.errors.orders.reasonOnlyWithCancel }]);",
      "export const d = notFound('order', 5);",
      "export const f = (reason: string) => new AppError('conflict', reason);",
    ].join('\n');
    expect(await literalErrors(code)).toEqual([]);
  });

  it('leaves the sandbox its English', async () => {
    expect(await literalErrors("export const e = conflict('eMAG says no');", 'main/sandbox/probe.ts')).toEqual([]);
  });
});

describe('main today', () => {
  it('has no literal error text in the modules that raise AppErrors', async () => {
    const results = await eslint.lintFiles(['main/core/**/*.ts', 'main/shell/updates/*.ts', 'main/cli/**/*.ts']);
    const hits = results.flatMap((r) =>
      r.messages
        .filter((m) => m.ruleId === 'no-restricted-syntax')
        .map((m) => `${r.filePath.slice(ROOT.length + 1)}:${m.line} ${m.message}`),
    );
    expect(hits).toEqual([]);
  }, 60_000);
});
