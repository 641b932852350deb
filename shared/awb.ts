// What an AWB needs from an eMAG order, read the same way by main (before queueing) and by the AWB dialog (to prefill
// it): the receiver block from the customer, and which courier accounts eMAG lets the seller use for the order.
import { positiveIdOf } from './positiveId';

/** A sender or receiver as the window and main exchange it (eMAG's awb/save names these name, contact, phone1, ...). */
export interface AwbPartyDraft {
  name: string;
  contact: string;
  phone: string;
  localityId: number | null;
  street: string;
  zipcode: string;
  legalEntity: boolean;
}

const text = (value: unknown): string =>
  typeof value === 'string' ? value.trim() : typeof value === 'number' && Number.isFinite(value) ? String(value) : '';

const firstText = (...values: unknown[]): string => values.map(text).find((value) => value !== '') ?? '';

/** Digits only (a leading + kept), as awb/save wants phone numbers. */
export const phoneDigits = (value: string): string => value.trim().replace(/(?!^\+)[^\d]/g, '');

const asRecord = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/**
 * The receiver block eMAG expects, from the order as eMAG sent it. Real orders have gaps (an empty contact, no street
 * or locality): what is missing stays empty for the seller to fill in, never invented.
 */
export function receiverFromOrder(order: Record<string, unknown>): AwbPartyDraft {
  const customer = asRecord(order.customer);
  const name = firstText(customer.shipping_contact, customer.name, customer.billing_name);
  const legal = customer.legal_entity;
  return {
    name,
    contact: firstText(customer.shipping_contact, customer.name, name),
    phone: phoneDigits(firstText(customer.shipping_phone, customer.phone_1, customer.billing_phone)),
    localityId: positiveIdOf(customer.shipping_locality_id) ?? positiveIdOf(order.shipping_locality_id),
    street: firstText(customer.shipping_street),
    zipcode: firstText(customer.shipping_postal_code),
    legalEntity: legal === 1 || legal === '1' || legal === true,
  };
}

/**
 * `enforced_vendor_courier_accounts` as eMAG means it: null when any of the seller's courier accounts may be used,
 * the list of allowed account ids otherwise; an empty list means no AWB may be issued through the API at all.
 */
export function enforcedCouriersOf(order: Record<string, unknown>): number[] | null {
  const value = order.enforced_vendor_courier_accounts;
  if (value === null || value === undefined || value === '') return null;
  const list = Array.isArray(value) ? value : typeof value === 'object' ? Object.values(value) : [value];
  return list.map(positiveIdOf).filter((id): id is number => id !== null);
}
