// Carries structured-clone values over JSON (CDP bindings and Runtime.evaluate only move strings). The values are
// first passed through the real structured clone (the page's or Node's `structuredClone`), so what cannot be
// cloned fails the way Electron's IPC does; this codec only keeps what the clone produced: undefined, NaN, ±Infinity,
// -0, bigint, Date, RegExp, Map, Set, Error, ArrayBuffer and typed arrays, arrays and plain objects, with cycles.
// It is used on both sides: the page (bundled by esbuild) and the harness in Node.

type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

const TYPED_ARRAYS = [
  'Int8Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
] as const;

/** Encodes a value that has already been through structuredClone. */
export function encodeCloned(value: unknown): Encoded {
  const seen = new Map<object, number>();
  const walk = (v: unknown): Encoded => {
    if (v === undefined) return { $: 'u' };
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return { $: 'n', v: 'NaN' };
      if (v === Infinity) return { $: 'n', v: 'Infinity' };
      if (v === -Infinity) return { $: 'n', v: '-Infinity' };
      if (Object.is(v, -0)) return { $: 'n', v: '-0' };
      return v;
    }
    if (typeof v === 'bigint') return { $: 'b', v: v.toString() };
    if (typeof v !== 'object') throw new Error(`harness codec: cannot carry a ${typeof v}`);
    const ref = seen.get(v);
    if (ref !== undefined) return { $: 'r', v: ref };
    const id = seen.size;
    seen.set(v, id);
    if (Array.isArray(v)) return { $: 'a', id, v: Array.from({ length: v.length }, (_, i) => walk(v[i])) };
    if (v instanceof Date) return { $: 'd', id, v: v.getTime() };
    if (v instanceof RegExp) return { $: 're', id, v: v.source, f: v.flags };
    if (v instanceof Map) return { $: 'm', id, v: [...v].map(([k, x]) => [walk(k), walk(x)]) };
    if (v instanceof Set) return { $: 's', id, v: [...v].map(walk) };
    if (v instanceof Error) return { $: 'e', id, name: v.name, message: v.message, stack: v.stack ?? '' };
    if (v instanceof ArrayBuffer) return { $: 'ab', id, v: Array.from(new Uint8Array(v)) };
    if (ArrayBuffer.isView(v)) {
      const kind = v.constructor.name;
      if (!(TYPED_ARRAYS as readonly string[]).includes(kind)) throw new Error(`harness codec: cannot carry ${kind}`);
      const items = Array.from(v as unknown as ArrayLike<number | bigint>, (x) =>
        typeof x === 'bigint' ? String(x) : x,
      );
      return { $: 't', id, k: kind, v: items };
    }
    // A plain object of any realm (the preload test runs the page code in node:vm contexts).
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) {
      throw new Error(`harness codec: cannot carry ${(v as object).constructor?.name ?? 'this object'}`);
    }
    const out: Record<string, Encoded> = {};
    for (const [key, x] of Object.entries(v)) out[key] = walk(x);
    return { $: 'o', id, v: out };
  };
  return walk(value);
}

export function decodeCloned(encoded: unknown): unknown {
  const refs = new Map<number, unknown>();
  const walk = (e: unknown): unknown => {
    if (e === null || typeof e !== 'object') return e;
    const node = e as { $: string; id: number; v: unknown; [key: string]: unknown };
    switch (node.$) {
      case 'u':
        return undefined;
      case 'n':
        return node.v === '-0' ? -0 : Number(node.v);
      case 'b':
        return BigInt(node.v as string);
      case 'r':
        return refs.get(node.v as number);
      case 'a': {
        const out: unknown[] = [];
        refs.set(node.id, out);
        for (const item of node.v as unknown[]) out.push(walk(item));
        return out;
      }
      case 'd': {
        const out = new Date(node.v as number);
        refs.set(node.id, out);
        return out;
      }
      case 're': {
        const out = new RegExp(node.v as string, node['f'] as string);
        refs.set(node.id, out);
        return out;
      }
      case 'm': {
        const out = new Map<unknown, unknown>();
        refs.set(node.id, out);
        for (const [k, x] of node.v as [unknown, unknown][]) out.set(walk(k), walk(x));
        return out;
      }
      case 's': {
        const out = new Set<unknown>();
        refs.set(node.id, out);
        for (const x of node.v as unknown[]) out.add(walk(x));
        return out;
      }
      case 'e': {
        const out = new Error(node['message'] as string);
        out.name = node['name'] as string;
        out.stack = node['stack'] as string;
        refs.set(node.id, out);
        return out;
      }
      case 'ab': {
        const out = new Uint8Array(node.v as number[]).buffer;
        refs.set(node.id, out);
        return out;
      }
      case 't': {
        const Kind = (globalThis as unknown as Record<string, new (items: unknown[]) => unknown>)[node['k'] as string]!;
        const big = node['k'] === 'BigInt64Array' || node['k'] === 'BigUint64Array';
        const out = new Kind((node.v as unknown[]).map((x) => (big ? BigInt(x as string) : x)));
        refs.set(node.id, out);
        return out;
      }
      case 'o': {
        const out: Record<string, unknown> = {};
        refs.set(node.id, out);
        for (const [key, x] of Object.entries(node.v as Record<string, unknown>)) out[key] = walk(x);
        return out;
      }
      default:
        throw new Error(`harness codec: unknown tag ${String(node.$)}`);
    }
  };
  return walk(encoded);
}
