// Maps a request path under /api-3 to the normalised route name, its rate-limit bucket and its id parameter.
import type { Bucket } from './rateLimiter';

export const API_PREFIX = '/api-3';

export interface ResolvedRoute {
  /** 'order/read', 'order/acknowledge', 'offer_stock', ... (unknown paths keep their own text). */
  route: string;
  bucket: Bucket;
  /** A second budget the route also spends (both must have room). */
  alsoBucket?: Bucket;
  /** The {id} of order/acknowledge/{id}, order/{id}/unlock-courier and offer_stock/{id}. */
  param?: string;
}

/** eMAG's order routes (`order/*`) share the big budget; everything else shares the small one. */
export const bucketOf = (route: string): Bucket =>
  route.startsWith('order/attachments')
    ? 'other'
    : route.startsWith('order/') || route === 'order'
      ? 'orders'
      : 'other';

/**
 * order/attachments is listed apart from order in the spec's resource table, so which budget it spends is unclear:
 * the sandbox takes the strictest reading and charges both.
 */
const ALSO_CHARGED: Readonly<Record<string, Bucket>> = { 'order/attachments/save': 'orders' };

export function resolveRoute(pathname: string): ResolvedRoute {
  const rest = pathname.slice(API_PREFIX.length).replace(/^\/+|\/+$/g, '');
  const parts = rest.split('/').filter((p) => p !== '');
  const [first, second, third] = parts;
  let route = parts.join('/');
  let param: string | undefined;
  if (first === 'order' && second === 'acknowledge' && parts.length === 3) {
    route = 'order/acknowledge';
    param = third;
  } else if (first === 'order' && third === 'unlock-courier' && parts.length === 3) {
    // The documented path (v4.4.7 changelog): order/{orderId}/unlock-courier. The id-last spelling is unknown here.
    route = 'order/unlock-courier';
    param = second;
  } else if (first === 'offer_stock' && parts.length === 2) {
    route = 'offer_stock';
    param = second;
  }
  const also = ALSO_CHARGED[route];
  return {
    route,
    bucket: bucketOf(route),
    ...(also ? { alsoBucket: also } : {}),
    ...(param === undefined ? {} : { param }),
  };
}
