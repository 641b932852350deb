// The AWB dialog's address blocks: the pickup address of the last AWB per account (kept in the window's storage so
// the seller types it once), the receiver prefilled from the order, and the check of either against eMAG's rules.
import { receiverFromOrder } from '../../../shared/awb';
import type { AwbParty, AwbSender } from '../../../shared/ipc';
import type { ShippingSender } from '../../../shared/settings';

const keyOf = (accountId: number) => `magflow.awbSender.${accountId}`;

export const EMPTY_SENDER = {
  name: '',
  contact: '',
  phone: '',
  localityId: '',
  /** #17: the locality as the seller chose it by name (only shown; eMAG takes the id). */
  localityName: '',
  street: '',
  zipcode: '',
};
/** A sender or receiver block as the seller types it. */
export type PartyForm = typeof EMPTY_SENDER;
export type SenderForm = PartyForm;

/** The receiver block as eMAG's order has it; gaps (no street, no locality...) stay empty for the seller to fill. */
export function receiverForm(customer: Record<string, unknown>): PartyForm {
  const draft = receiverFromOrder({ customer });
  return {
    name: draft.name,
    contact: draft.contact,
    phone: draft.phone,
    localityId: draft.localityId === null ? '' : String(draft.localityId),
    localityName: localityNameOf(customer),
    street: draft.street,
    zipcode: draft.zipcode,
  };
}

/** "Florești (Cluj)" from the order's shipping city and county, as eMAG sent them (either may be missing). */
function localityNameOf(customer: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const city = text(customer.shipping_city) || text(customer.billing_city);
  const county = text(customer.shipping_suburb) || text(customer.billing_suburb);
  return city && county && county !== city ? `${city} (${county})` : city;
}

/** #17: the pickup address saved in Settings › Shipping, as the dialog's boxes. */
export function senderFormOf(sender: ShippingSender): PartyForm {
  return {
    name: sender.name,
    contact: sender.contact,
    phone: sender.phone,
    localityId: String(sender.localityId),
    localityName: sender.localityName ?? '',
    street: sender.street,
    zipcode: sender.zipcode ?? '',
  };
}

/** #17: the dialog's sender as Settings › Shipping keeps it. */
export function settingsSenderOf(party: AwbParty, localityName: string): ShippingSender {
  return {
    name: party.name,
    contact: party.contact,
    phone: party.phone,
    localityId: party.localityId,
    ...(localityName.trim() ? { localityName: localityName.trim() } : {}),
    street: party.street,
    ...(party.zipcode ? { zipcode: party.zipcode } : {}),
  };
}

export function rememberedSender(accountId: number): SenderForm {
  try {
    const raw = globalThis.localStorage?.getItem(keyOf(accountId));
    if (!raw) return EMPTY_SENDER;
    const saved = JSON.parse(raw) as Partial<Record<keyof SenderForm, unknown>>;
    const text = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');
    return {
      name: text(saved.name),
      contact: text(saved.contact),
      phone: text(saved.phone),
      localityId: text(saved.localityId),
      localityName: text((saved as { localityName?: unknown }).localityName),
      street: text(saved.street),
      zipcode: text(saved.zipcode),
    };
  } catch {
    return EMPTY_SENDER; // storage off or a damaged entry: the seller types it again
  }
}

export function rememberSender(accountId: number, sender: AwbSender): void {
  try {
    globalThis.localStorage?.setItem(keyOf(accountId), JSON.stringify(sender));
  } catch {
    // storage full or disabled: only the convenience is lost
  }
}

/** The block as main expects it, or the list of fields that are not valid yet (eMAG's rules). */
export function parseParty(form: PartyForm): { party: AwbParty } | { invalid: (keyof PartyForm)[] } {
  const invalid: (keyof SenderForm)[] = [];
  const trimmed = {
    name: form.name.trim(),
    contact: form.contact.trim(),
    phone: form.phone.replace(/[\s.-]/g, ''),
    street: form.street.trim(),
    zipcode: form.zipcode.trim(),
  };
  const localityId = Number(form.localityId.trim());
  if (trimmed.name.length < 3) invalid.push('name');
  if (trimmed.contact.length < 1) invalid.push('contact');
  if (!/^\+?\d{8,11}$/.test(trimmed.phone)) invalid.push('phone');
  if (!Number.isInteger(localityId) || localityId <= 0) invalid.push('localityId');
  if (trimmed.street.length < 3) invalid.push('street');
  if (invalid.length > 0) return { invalid };
  return {
    party: {
      name: trimmed.name,
      contact: trimmed.contact,
      phone: trimmed.phone,
      localityId,
      street: trimmed.street,
      ...(trimmed.zipcode ? { zipcode: trimmed.zipcode } : {}),
    },
  };
}
