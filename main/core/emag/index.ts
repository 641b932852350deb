// Public surface of the eMAG client: createEmagClient, its error type, settings, and the parsed eMAG record types.
export { createEmagClient } from './client';
export type { EmagClient, EmagClientDeps, PagedRead } from './client';
export { describeEmagError, EMAG_ERROR_CODES, EMAG_ERROR_KINDS, EmagError, isEmagError } from './errors';
export type { EmagErrorCode, EmagErrorKind } from './errors';
export {
  EMAG_PLATFORM_IDS,
  EMAG_PLATFORMS,
  apiUrlFault,
  isLoopbackHost,
  platformCurrencyOn,
  resolveApiUrl,
} from './platforms';
export type { ApiUrlFault, EmagPlatform } from './platforms';
export { emagClientConfigSchema, resolveEmagClientSettings } from './settings';
export type { EmagClientConfig, EmagClientSettings } from './settings';
export type { CallOptions, ClientLimiterStats, BucketRuntimeStats } from './request';
export type { BucketStats } from './rateLimiter';
export type { BreakerStateName } from './resilience';
export type { Page } from './pagination';
export { ROUTES } from './routes';
export type { EmagRoute, RateBucketName } from './routes';
export type { EmagCount, EmagSaveResult } from './schemas/common';
export {
  ORDER_STATUS,
  ORDER_TYPE,
  PAYMENT_MODE,
  emagOrderSchema,
  emagOrderLineSchema,
  rawEmagOrderSchema,
} from './schemas/orders';
export { reasonCode, saveBodyOf } from './orderSave';
export { awbProblems } from './awbChecks';
export { AWB_LABEL_FORMATS, awbIdentityOf } from './schemas/shipping';
export type {
  EmagAttachmentInput,
  EmagCustomer,
  EmagOrder,
  EmagOrderAttachment,
  EmagOrderLine,
  EmagOrderSaveInput,
  EmagOrderVoucher,
  OrderCountFilters,
  OrderReadFilters,
  OrderStatusCode,
  RawEmagOrder,
} from './schemas/orders';
export { emagOfferSchema } from './schemas/offers';
export type {
  EmagOffer,
  EmagOfferSaveInput,
  EmagOfferUpdateInput,
  OfferCountFilters,
  OfferReadFilters,
} from './schemas/offers';
export type {
  AwbIdentity,
  AwbReadFilters,
  EmagAwb,
  EmagAwbInput,
  EmagAwbParty,
  EmagCourierAccount,
  AwbLabelFormat,
  EmagLocality,
  LocalityReadFilters,
} from './schemas/shipping';
export type { CategoryReadFilters, EmagCategory, EmagHandlingTime, EmagVatRate } from './schemas/reference';
export { RMA_STATUS } from './schemas/rma';
export type { EmagRma, EmagRmaProduct, RmaCountFilters, RmaReadFilters } from './schemas/rma';
