// The sandbox's route table: every eMAG route it answers, by normalised name.
import type { RouteSpec } from './context';
import { OFFER_ROUTES } from './offers';
import { LOCALITY_ROUTES } from './localities';
import { ORDER_ROUTES } from './orders';
import { REFERENCE_ROUTES } from './reference';
import { RETURN_ROUTES } from './returns';
import { SHIPPING_ROUTES } from './shipping';

export const ROUTES: ReadonlyMap<string, RouteSpec> = new Map(
  Object.entries({
    ...ORDER_ROUTES,
    ...OFFER_ROUTES,
    ...SHIPPING_ROUTES,
    ...REFERENCE_ROUTES,
    ...RETURN_ROUTES,
    ...LOCALITY_ROUTES,
  }),
);

export { FileAnswer, type HandlerContext, type RouteSpec } from './context';
