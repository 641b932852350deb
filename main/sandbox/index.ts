// Public entry of the eMAG sandbox (a local simulator of the eMAG Marketplace API v4.4.9).
export { startSandbox, DEMO_ACCOUNTS } from './sandbox';
export { parseFaultSpec, FAULT_KINDS } from './faults';
export { formatEmagDate, parseEmagDate } from './bucharestTime';
export { LIMITS as RATE_LIMITS } from './rateLimiter';
export type {
  AccountKind,
  FaultKind,
  FaultRule,
  RequestLogEntry,
  Sandbox,
  SandboxAccountSpec,
  SandboxOptions,
} from './types';
export type {
  EmagAwbRecord,
  EmagCourierAccount,
  EmagCustomer,
  EmagOfferRecord,
  EmagOrderAttachment,
  EmagOrderProduct,
  EmagOrderRecord,
  EmagOrderVoucher,
  EmagRmaRecord,
} from './records';
