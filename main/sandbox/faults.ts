// Fault injection: rules that make chosen requests fail (5xx, reset before or after the action, slow, malformed JSON,
// missing isError, isError, an IP refusal, 429) by probability, a fixed schedule or a count; plus the CLI's syntax.
import { z } from 'zod';
import { Rng } from './random';
import type { FaultKind, FaultRule } from './types';

export const FAULT_KINDS = [
  'http500',
  'reset',
  'resetAfter',
  'slow',
  'malformedJson',
  'noIsError',
  'isError',
  'ipBlocked',
  'noApiRights',
  'http429',
] as const;

export const faultRuleSchema = z
  .object({
    route: z.string().min(1).optional(),
    account: z.string().min(1).optional(),
    kind: z.enum(FAULT_KINDS),
    probability: z.number().min(0).max(1).optional(),
    nth: z.array(z.number().int().min(1)).optional(),
    count: z.number().int().min(0).optional(),
    delayMs: z.number().int().min(0).max(600_000).optional(),
  })
  .strict();

export const faultRulesSchema = z.array(faultRuleSchema);

/** Does a rule's route pattern cover this normalised route? '*' / absent: all; 'order': every order/... route. */
export function routeMatches(pattern: string | undefined, route: string): boolean {
  if (pattern === undefined || pattern === '*') return true;
  return route === pattern || route.startsWith(`${pattern}/`);
}

interface ActiveRule {
  rule: FaultRule;
  seen: number;
}

export class FaultInjector {
  private rules: ActiveRule[] = [];
  private readonly rng: Rng;

  constructor(seed: number, rules: FaultRule[] = []) {
    this.rng = new Rng(seed);
    this.set(rules);
  }

  set(rules: FaultRule[]): void {
    this.rules = faultRulesSchema.parse(rules).map((rule) => ({ rule, seen: 0 }));
  }

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  /**
   * The fault for this request, if any. Rules are tried in order; each rule that matches the route and account
   * counts the request; the first one that fires wins and later rules do not see the request.
   */
  draw(route: string, account: string): FaultRule | undefined {
    for (const active of this.rules) {
      const { rule } = active;
      if (!routeMatches(rule.route, route)) continue;
      if (rule.account !== undefined && rule.account !== account) continue;
      active.seen++;
      if (this.fires(rule, active.seen)) return rule;
    }
    return undefined;
  }

  private fires(rule: FaultRule, n: number): boolean {
    if (rule.nth) return rule.nth.includes(n);
    if (rule.count !== undefined) return n <= rule.count;
    if (rule.probability !== undefined) return this.rng.next() < rule.probability;
    return true;
  }
}

/**
 * Parses the CLI form: comma-separated `route:kind[:option]`, where option is a probability ('0.3'),
 * 'count=N', 'nth=1/3/5', or 'delay=MS' (several options separated by ':').
 * Example: "order/read:http500:0.3,*:reset:0.1,order/acknowledge:isError:count=2".
 */
export function parseFaultSpec(spec: string): FaultRule[] {
  const rules: FaultRule[] = [];
  for (const part of spec.split(',').map((s) => s.trim())) {
    if (part === '') continue;
    const [route, kind, ...options] = part.split(':');
    if (!route || !kind) throw new Error(`Fault '${part}': expected route:kind[:option]`);
    if (!(FAULT_KINDS as readonly string[]).includes(kind)) {
      throw new Error(`Fault '${part}': unknown kind '${kind}' (one of ${FAULT_KINDS.join(', ')})`);
    }
    const rule: FaultRule = { route, kind: kind as FaultKind };
    for (const option of options) {
      const [key, value] = option.includes('=') ? (option.split('=') as [string, string]) : ['probability', option];
      const number = Number(value);
      if (key === 'nth') {
        const nth = value.split('/').map(Number);
        if (nth.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`Fault '${part}': bad nth '${value}'`);
        rule.nth = nth;
      } else if (!Number.isFinite(number)) {
        throw new Error(`Fault '${part}': '${value}' is not a number`);
      } else if (key === 'probability' || key === 'p') {
        rule.probability = number;
      } else if (key === 'count') {
        rule.count = number;
      } else if (key === 'delay' || key === 'delayMs') {
        rule.delayMs = number;
      } else {
        throw new Error(`Fault '${part}': unknown option '${key}'`);
      }
    }
    rules.push(faultRuleSchema.parse(rule));
  }
  return rules;
}
