// An awb/save body held to the rules of eMAG's text before it is sent: an AWB eMAG would refuse never leaves, and the
// caller learns every field that is wrong at once (a `config` error naming them).
import { configError } from './errors';
import type { EmagAwbInput } from './schemas/shipping';

const PHONE = /^\+?\d{8,11}$/;
const MAX_ID = 4_294_967_295;

const isInt = (value: unknown, min: number, max: number): boolean =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

const textOf = (value: unknown): string | null => (typeof value === 'string' ? value.trim() : null);

function numberOf(value: unknown): number | null {
  const number = typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) ? number : null;
}

function lengthProblem(value: unknown, field: string, min: number, max: number): string | null {
  const text = textOf(value);
  if (text === null || text.length < min || text.length > max) return `${field}: ${min} to ${max} characters`;
  return null;
}

function partyProblems(party: unknown, who: 'sender' | 'receiver'): string[] {
  if (party === null || typeof party !== 'object') return [`${who}: required`];
  const p = party as Record<string, unknown>;
  const problems = [
    lengthProblem(p.name, `${who}.name`, 3, 255),
    lengthProblem(p.contact, `${who}.contact`, 1, 255),
    lengthProblem(p.street, `${who}.street`, 3, 255),
  ];
  if (!PHONE.test(textOf(p.phone1) ?? '')) problems.push(`${who}.phone1: 8 to 11 digits, optionally starting with +`);
  if (p.phone2 !== undefined && !PHONE.test(textOf(p.phone2) ?? '')) {
    problems.push(`${who}.phone2: 8 to 11 digits, optionally starting with +`);
  }
  if (!isInt(p.locality_id, 1, MAX_ID)) problems.push(`${who}.locality_id: an eMAG locality id (1 or more)`);
  if (p.address_id !== undefined && !(typeof p.address_id === 'string' && p.address_id.length <= 21)) {
    problems.push(`${who}.address_id: text of at most 21 characters`);
  }
  if (p.zipcode !== undefined) problems.push(lengthProblem(p.zipcode, `${who}.zipcode`, 1, 255) ?? '');
  if (p.legal_entity !== undefined && p.legal_entity !== 0 && p.legal_entity !== 1) {
    problems.push(`${who}.legal_entity: 0 or 1`);
  }
  return problems.filter((problem): problem is string => !!problem);
}

/** Every rule of the text the body breaks, as `field: rule`; empty when eMAG should accept it. */
export function awbProblems(awb: EmagAwbInput): string[] {
  const problems: string[] = [];
  const hasOrder = awb.order_id !== undefined;
  const hasReturn = awb.rma_id !== undefined;
  if (!hasOrder && !hasReturn) problems.push('order_id or rma_id: one is required');
  if (hasOrder && !isInt(awb.order_id, 1, MAX_ID)) problems.push('order_id: a positive integer');
  if (hasReturn && !isInt(awb.rma_id, 1, MAX_ID)) problems.push('rma_id: a positive integer');
  if (hasReturn && !/^\d{4}-\d{2}-\d{2}/.test(textOf(awb.date) ?? '')) {
    problems.push('date: required for the AWB of a return (YYYY-MM-DD, from tomorrow on)');
  }
  problems.push(...partyProblems(awb.sender, 'sender'), ...partyProblems(awb.receiver, 'receiver'));
  if (awb.is_oversize !== 0 && awb.is_oversize !== 1) problems.push('is_oversize: 0 or 1 (required)');
  if (!isInt(awb.envelope_number, 0, 9_999)) problems.push('envelope_number: 0 to 9999');
  if (!isInt(awb.parcel_number, 0, 999)) problems.push('parcel_number: 0 to 999');
  if (awb.envelope_number === 0 && awb.parcel_number === 0) {
    problems.push('parcel_number and envelope_number: not both 0');
  }
  const cod = numberOf(awb.cod);
  if (cod === null || cod < 0 || cod > 999_999_999) problems.push('cod: an amount from 0 to 999999999 (required)');
  const weight = awb.weight === undefined ? 0 : numberOf(awb.weight);
  if (weight === null || weight < 0 || weight > 99_999) problems.push('weight: 0 to 99999');
  const insured = awb.insured_value === undefined ? 0 : numberOf(awb.insured_value);
  if (insured === null || insured < 0 || insured > 999_999_999) problems.push('insured_value: 0 to 999999999');
  if (awb.observation !== undefined && (textOf(awb.observation)?.length ?? 256) > 255) {
    problems.push('observation: at most 255 characters');
  }
  if (awb.locker_id !== undefined) {
    const problem = lengthProblem(awb.locker_id, 'locker_id', 3, 255);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** Throws a `config` error listing what eMAG would refuse in this AWB; nothing is sent then. */
export function checkAwb(awb: EmagAwbInput, route: string): void {
  const problems = awbProblems(awb);
  if (problems.length > 0) {
    throw configError(`This AWB would be refused by eMAG: ${problems.join('; ')}`, route);
  }
}
