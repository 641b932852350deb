// AWBs (awb/save, awb/read) and courier accounts as eMAG sends them, and the AWB request MagFlow builds.
import { z } from 'zod';
import { looseInt, looseList, looseText, oneOrMany, optional } from './common';

const awbBarcodeSchema = z.looseObject({
  emag_id: optional(looseInt),
  awb_number: optional(looseText),
  awb_barcode: optional(looseText),
});

export const emagAwbSchema = z.looseObject({
  emag_id: optional(looseInt),
  reservation_id: optional(looseInt),
  /** Some save answers put the number at the top level instead of in `awb[]`. */
  awb_number: optional(looseText),
  awb_barcode: optional(looseText),
  order_id: optional(looseInt),
  rma_id: optional(looseInt),
  type: optional(looseInt),
  weight: optional(z.union([looseInt, looseText])),
  awb_type: optional(looseInt),
  awb: optional(looseList(awbBarcodeSchema)),
  status: optional(z.unknown()),
  courier: optional(z.unknown()),
});

export type EmagAwb = z.output<typeof emagAwbSchema>;

/** awb/save answers with the new AWB(s); eMAG has sent both one object and a list, so it is always a list here. */
export const emagAwbSaveResultSchema = oneOrMany(emagAwbSchema);

/** What MagFlow keeps of an issued AWB. */
export interface AwbIdentity {
  awbNumber: string | null;
  emagId: number | null;
  reservationId: number | null;
}

const present = (text: string | null | undefined): string | null => (text && text.trim() !== '' ? text : null);

/** The number and ids of one AWB answer, in whichever of eMAG's forms it came: nested, flat, or ids only. */
export function awbIdentityOf(awb: EmagAwb): AwbIdentity {
  const nested = (awb.awb ?? []).find((entry) => present(entry.awb_number) !== null) ?? awb.awb?.[0];
  return {
    awbNumber: present(nested?.awb_number) ?? present(awb.awb_number),
    emagId: nested?.emag_id ?? awb.emag_id ?? null,
    reservationId: awb.reservation_id ?? null,
  };
}

export interface EmagAwbParty {
  name: string;
  contact: string;
  phone1: string;
  phone2?: string;
  legal_entity?: 0 | 1;
  /** The seller's saved address (addresses/read); eMAG types it as text of up to 21 characters. */
  address_id?: string;
  locality_id: number;
  street: string;
  zipcode?: string;
}

/** An AWB request (README §8). Either order_id or rma_id. */
export interface EmagAwbInput {
  order_id?: number;
  rma_id?: number;
  sender: EmagAwbParty;
  receiver: EmagAwbParty;
  locker_id?: string;
  is_oversize: 0 | 1;
  insured_value?: number | string;
  weight?: number;
  envelope_number: number;
  parcel_number: number;
  observation?: string;
  /** Cash to collect on delivery (0 when paid). */
  cod: number | string;
  courier_account_id?: number;
  [key: string]: unknown;
}

export interface AwbReadFilters {
  emag_id?: number;
  reservation_id?: number;
}

export const emagCourierAccountSchema = z.looseObject({
  account_id: looseInt,
  account_display_name: optional(looseText),
  /** 1 RMA, 2 order, 3 both, 4 non-marketplace. */
  courier_account_type: optional(looseInt),
  courier_name: optional(looseText),
  /** 0 home delivery, 2 lockers, 6 offices, 8 crossborder, 9 BPO. */
  courier_account_properties: optional(z.union([looseInt, looseList(looseInt)])),
  created: optional(looseText),
  /** 1 active, 0 inactive. */
  status: optional(looseInt),
  pickup_country_code: optional(looseText),
});

export type EmagCourierAccount = z.output<typeof emagCourierAccountSchema>;

/** awb/read_pdf's paper formats (ZPL is a separate route MagFlow does not use). */
export const AWB_LABEL_FORMATS = ['A4', 'A5', 'A6'] as const;
export type AwbLabelFormat = (typeof AWB_LABEL_FORMATS)[number];

/** A locality as locality/read sends it (spec, "Reading Localities"); only what MagFlow shows is read. */
export const emagLocalitySchema = z.looseObject({
  emag_id: looseInt,
  name: optional(looseText),
  name_latin: optional(looseText),
  /** region2 is the county in Romania; region1 the country or macro-region. */
  region1: optional(looseText),
  region2: optional(looseText),
  region3: optional(looseText),
  zipcode: optional(looseText),
  country_code: optional(looseText),
});

export type EmagLocality = z.output<typeof emagLocalitySchema>;

export interface LocalityReadFilters {
  emag_id?: number;
  /** "All localities with this name": eMAG matches from the start of the name; 60 characters at most. */
  name?: string;
  /** The county. */
  region2?: string;
  country_code?: string;
  itemsPerPage?: number;
  currentPage?: number;
}
