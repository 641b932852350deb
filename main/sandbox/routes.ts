// Maps a request path under /api-3 to the normalised route name, its rate-limit bucket and its id parameter.
import type { Bucket } from './rateLimiter';

export const API_PREFIX = '/api-3';

export interface ResolvedRoute {
  /** 'order/read', 'order/acknowledge', 'offer_stock', ... (unknown paths keep their own text). */
  route: string;
  bucket: Bucket;
  /** The {id} of order/acknowledge/{id}, order/unlock-courier/{id} and offer_stock/{id}. */
  param?: string;
}

/** eMAG's order routes (`order/*`) share the big budget; everything else shares the small one. */
export const bucketOf = (route: string): Bucket =>
  route.startsWith('order/') || route === 'order' ? 'orders' : 'other';

export function resolveRoute(pathname: string): ResolvedRoute {
  const rest = pathname.slice(API_PREFIX.length).replace(/^\/+|\/+$/g, '');
  const parts = rest.split('/').filter((p) => p !== '');
  const [first, second, third] = parts;
  let route = parts.join('/');
  let param: string | undefined;
  if (first === 'order' && (second === 'acknowledge' || second === 'unlock-courier') && parts.length === 3) {
    route = `order/${second}`;
    param = third;
  } else if (first === 'order' && third === 'unlock-courier' && parts.length === 3) {
    // The spec's changelog writes this route as order/{orderId}/unlock-courier: accept both spellings.
    route = 'order/unlock-courier';
    param = second;
  } else if (first === 'offer_stock' && parts.length === 2) {
    route = 'offer_stock';
    param = second;
  }
  return param === undefined ? { route, bucket: bucketOf(route) } : { route, bucket: bucketOf(route), param };
}
