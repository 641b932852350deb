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

export interface EmagAwbParty {
  name: string;
  contact: string;
  phone1: string;
  phone2?: string;
  legal_entity: 0 | 1;
  address_id?: number;
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
