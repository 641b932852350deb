// The catalogue's `errors` section: main's own refusals and the reasons beside the window's fields, in Romanian and
// English. The English texts are what the CLI prints and the logs keep (AppError.message is their rendering).
import type { OutboxState } from '../../../shared/domain';
import { SCHEMA_TEXTS, type SchemaTextKey } from '../../../shared/issueKeys';
import { describeProblem, STOCK_MAX, type OfferEditProblem } from '../../../shared/offerEdits';
import { describeApiUrlFault, type ApiUrlFault } from '../emag/platforms';
import { LOCALE, plural, type Language } from './plural';

/** A zod size check (too_small / too_big) as the issue gives it. */
export interface SizeCheck {
  origin: string;
  limit: number;
  inclusive: boolean;
  exact: boolean;
}

export interface ErrorTexts {
  invalidInput: string;
  /** The summary of a validation failure: its first field and why. */
  invalidInputAt(path: string, reason: string): string;
  /** Several fields in one line (a bulk order's refusal). */
  invalidInputList(list: string): string;
  notFound: Record<'order' | 'action' | 'offer' | 'account' | 'return', (id: number) => string>;
  internal(channel: string): string;
  unknownChannel(name: string): string;
  orders: {
    fbeAcknowledge: string;
    onlyNewAcknowledge(orderId: number, status: number, statusName: string): string;
    cancelNeedsReason: string;
    reasonOnlyWithCancel: string;
    statusNotAllowed(orderId: number, from: number, to: number, fromName: string, toName: string): string;
    cannotUndo(actionId: number, state: OutboxState): string;
    notFailed(actionId: number, state: OutboxState): string;
    fbeShips: string;
    awbNeedsStatus(orderId: number, status: number, statusName: string): string;
    noAwbCourier(orderId: number): string;
    courierRequired(accounts: string): string;
    invoicePdfUrl: string;
  };
  shipping: {
    senderMissing: string;
    awbSending(orderId: number): string;
    noAwb(orderId: number): string;
    noLabel(failures: { orderId: number; error: string }[]): string;
  };
  returns: {
    fbe(emagId: number): string;
    statusNotAllowed(emagId: number, from: number, to: number): string;
  };
  accounts: {
    noPassword(accountId: number): string;
    nameTaken(name: string): string;
    needsPassword: string;
    apiUrl(fault: ApiUrlFault): string;
  };
  invoices: {
    notConfigured: string;
    secretRequired: string;
    endpoint: {
      notUrl: string;
      credentials: string;
      plainHttp(host: string): string;
      notHttps: string;
      serverOnly: string;
    };
    pdf: { empty: string; tooBig(bytes: number, limitBytes: number): string; notPdf: string };
  };
  updates: { desktopOnly: string; off: string; notDownloaded: string };
  notifications: { markWhich: string };
  offerProblem(problem: OfferEditProblem): string;
  /** zod's validation issues, by issue code (zod 4). */
  zod: {
    invalidType(expected: string): string;
    tooSmall(check: SizeCheck): string;
    tooBig(check: SizeCheck): string;
    invalidFormat(format: string, fragment: string | null): string;
    notMultipleOf(divisor: number): string;
    invalidValue(values: string[]): string;
    unrecognizedKeys(keys: string[]): string;
    invalidUnion: string;
    invalidKey: string;
    invalidElement: string;
    /** Any other refusal with no words of its own. */
    invalid: string;
    /** The shared schemas' own reasons (shared/issueKeys.ts), by key. */
    schema: Record<SchemaTextKey, string>;
  };
}

const megabytes = (lang: Language, bytes: number): string =>
  `${new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    bytes / (1024 * 1024),
  )} MB`;

const isNumeric = (origin: string): boolean => ['number', 'int', 'bigint'].includes(origin);
const isCollection = (origin: string): boolean => ['array', 'set'].includes(origin);

const roTypes: Record<string, string> = {
  string: 'text',
  number: 'număr',
  int: 'număr întreg',
  bigint: 'număr întreg',
  boolean: 'da sau nu',
  array: 'listă',
  object: 'obiect',
  date: 'dată',
};
const enTypes: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  bigint: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

const roStates: Record<OutboxState, string> = {
  pending: 'în așteptare',
  sent: 'trimisă',
  failed: 'eșuată',
  cancelled: 'anulată',
};

const roCharacters = (n: number) =>
  plural('ro', n, { one: '{n} caracter', few: '{n} caractere', other: '{n} de caractere' });
const roItems = (n: number) => plural('ro', n, { one: '{n} element', few: '{n} elemente', other: '{n} de elemente' });
const enCharacters = (n: number) => plural('en', n, { one: '{n} character', other: '{n} characters' });
const enItems = (n: number) => plural('en', n, { one: '{n} item', other: '{n} items' });

export const roErrors: ErrorTexts = {
  invalidInput: 'Date greșite',
  invalidInputAt: (path, reason) => `Date greșite la ${path}: ${reason}`,
  invalidInputList: (list) => `Date greșite: ${list}`,
  notFound: {
    order: (id) => `Comanda ${id} nu a fost găsită`,
    action: (id) => `Acțiunea ${id} nu a fost găsită`,
    offer: (id) => `Oferta ${id} nu a fost găsită`,
    account: (id) => `Contul ${id} nu a fost găsit`,
    return: (id) => `Returul ${id} nu a fost găsit`,
  },
  internal: (channel) => `MagFlow nu a putut finaliza ${channel}; vezi jurnalul.`,
  unknownChannel: (name) => `Canal necunoscut: ${name}`,
  orders: {
    fbeAcknowledge: 'Comenzile livrate de eMAG (FBE) nu pot fi confirmate',
    onlyNewAcknowledge: (orderId, _status, name) =>
      `Doar comenzile noi pot fi confirmate (comanda ${orderId} este ${name})`,
    cancelNeedsReason: 'O anulare are nevoie de un motiv din lista de motive de anulare a eMAG',
    reasonOnlyWithCancel: 'Un motiv se dă doar la anulare',
    statusNotAllowed: (orderId, _from, _to, fromName, toName) =>
      `eMAG nu permite comenzii ${orderId} să treacă din „${fromName}” în „${toName}”`,
    cannotUndo: (id, state) =>
      state === 'pending'
        ? `Acțiunea ${id} se trimite deja: nu mai poate fi anulată`
        : `Acțiunea ${id} este deja ${roStates[state]}: nu mai poate fi anulată`,
    notFailed: (id, state) => `Acțiunea ${id} este ${roStates[state]}, nu eșuată`,
    fbeShips: 'eMAG expediază singur comenzile pe care le livrează (FBE)',
    awbNeedsStatus: (orderId, _status, name) =>
      `AWB-ul se emite pentru o comandă în procesare sau pregătită (comanda ${orderId} este ${name})`,
    noAwbCourier: (orderId) =>
      `eMAG nu primește AWB de la MagFlow pentru comanda ${orderId}: lista ei de curieri este goală ` +
      '(emite AWB-ul din interfața eMAG Marketplace)',
    courierRequired: (accounts) => `eMAG cere pentru această comandă unul dintre conturile de curier ${accounts}`,
    invoicePdfUrl: 'eMAG acceptă doar fișiere PDF: linkul trebuie să se termine în .pdf (poate urma un ?query)',
  },
  shipping: {
    senderMissing: 'salvează adresa de ridicare în Setări (Livrare) înainte de a emite AWB-uri',
    awbSending: (orderId) => `AWB-ul comenzii ${orderId} încă se trimite la eMAG: încearcă din nou peste câteva clipe`,
    noAwb: (orderId) =>
      `MagFlow nu a emis niciun AWB pentru comanda ${orderId}: eMAG dă etichete doar pentru AWB-urile emise prin API`,
    noLabel: (failures) =>
      `Nicio etichetă nu a putut fi descărcată: ${failures.map((f) => `comanda ${f.orderId}: ${f.error}`).join('; ')}`,
  },
  returns: {
    fbe: (emagId) => `Returul ${emagId} este gestionat de eMAG (FBE): eMAG îl procesează`,
    statusNotAllowed: (emagId, from, to) => `Returul ${emagId} are statusul ${from}: eMAG nu permite trecerea la ${to}`,
  },
  accounts: {
    noPassword: (id) => `Nu există o parolă salvată pentru contul ${id}; introdu-o din nou în Setări`,
    nameTaken: (name) => `Există deja un cont numit „${name}”`,
    needsPassword: 'Un cont nou are nevoie de parola API',
    apiUrl: (fault) => {
      switch (fault.code) {
        case 'not_url':
          return 'Adresa API eMAG nu este un URL valid';
        case 'credentials':
          return 'Adresa API eMAG nu trebuie să conțină utilizatorul și parola; completează-le în câmpurile lor';
        case 'plain_http':
          return `HTTP simplu este refuzat pentru ${fault.host}: folosește https (http doar pentru acest calculator)`;
        case 'not_https':
          return `Adresa API eMAG trebuie să folosească https (are ${fault.protocol})`;
        case 'query':
          return 'Adresa API eMAG nu poate avea query string sau fragment';
      }
    },
  },
  invoices: {
    notConfigured:
      'Niciun bucket pentru facturi nu este configurat: eMAG descarcă facturile de la un link, deci fișierul PDF ' +
      'trebuie întâi pus în bucketul tău compatibil S3 (Setări → Facturi), sau lipește în schimb un link public',
    secretRequired: 'cheia secretă de acces (secret access key) este obligatorie',
    endpoint: {
      notUrl: 'endpointul nu este un URL (ex. https://s3.eu-central-1.amazonaws.com)',
      credentials: 'endpointul nu trebuie să conțină date de autentificare',
      plainHttp: (host) =>
        `http simplu este refuzat pentru ${host}: folosește https (http doar pentru acest calculator)`,
      notHttps: 'endpointul trebuie să folosească https',
      serverOnly: 'endpointul este doar serverul (schemă, gazdă și port), fără cale sau query',
    },
    pdf: {
      empty: 'fișierul este gol',
      tooBig: (bytes, limit) => `fișierul are ${megabytes('ro', bytes)}; limita este ${megabytes('ro', limit)}`,
      notPdf: 'fișierul nu este PDF (nu începe cu %PDF-)',
    },
  },
  updates: {
    desktopOnly: 'Doar aplicația desktop instalează actualizări.',
    off: 'Actualizările sunt oprite în acest MagFlow.',
    notDownloaded: 'Nicio actualizare nu a fost descărcată încă.',
  },
  notifications: { markWhich: 'Spune ce notificări să fie marcate ca citite (id-uri sau toate)' },
  offerProblem: (problem) => {
    switch (problem.code) {
      case 'price_format':
        return 'prețul trebuie să fie un număr mai mare decât 0, cu cel mult 4 zecimale (fără TVA)';
      case 'price_below_min':
        return `prețul este sub prețul minim de vânzare al ofertei (${problem.bound}); eMAG l-ar refuza`;
      case 'price_above_max':
        return `prețul este peste prețul maxim de vânzare al ofertei (${problem.bound}); eMAG l-ar refuza`;
      case 'stock_format':
        return `stocul trebuie să fie un număr întreg de la 0 la ${STOCK_MAX}`;
      case 'stock_fbe':
        return 'stocul unei oferte livrate de eMAG (FBE) este gestionat de depozitul eMAG și nu poate fi setat';
      case 'vat_unknown':
        return 'cota de TVA nu este una dintre cele ale eMAG (vat/read)';
    }
  },
  zod: {
    invalidType: (expected) => `trebuie să fie ${roTypes[expected] ?? expected}`,
    tooSmall: ({ origin, limit, inclusive, exact }) => {
      if (origin === 'string') {
        if (exact) return `trebuie să aibă exact ${roCharacters(limit)}`;
        return limit === 1 ? 'este obligatoriu' : `trebuie să aibă cel puțin ${roCharacters(limit)}`;
      }
      if (isCollection(origin)) return `trebuie să aibă cel puțin ${roItems(limit)}`;
      if (isNumeric(origin))
        return inclusive ? `trebuie să fie cel puțin ${limit}` : `trebuie să fie mai mare decât ${limit}`;
      return 'este prea mic';
    },
    tooBig: ({ origin, limit, inclusive, exact }) => {
      if (origin === 'string') {
        return exact ? `trebuie să aibă exact ${roCharacters(limit)}` : `poate avea cel mult ${roCharacters(limit)}`;
      }
      if (isCollection(origin)) return `poate avea cel mult ${roItems(limit)}`;
      if (isNumeric(origin))
        return inclusive ? `trebuie să fie cel mult ${limit}` : `trebuie să fie mai mic decât ${limit}`;
      return 'este prea mare';
    },
    invalidFormat: (format, fragment) => {
      switch (format) {
        case 'email':
          return 'trebuie să fie o adresă de e-mail';
        case 'url':
          return 'trebuie să fie o adresă web (URL)';
        case 'date':
          return 'trebuie să fie o dată (AAAA-LL-ZZ)';
        case 'datetime':
          return 'trebuie să fie o dată cu oră';
        case 'starts_with':
          return `trebuie să înceapă cu „${fragment ?? ''}”`;
        case 'ends_with':
          return `trebuie să se termine cu „${fragment ?? ''}”`;
        case 'includes':
          return `trebuie să conțină „${fragment ?? ''}”`;
        default:
          return 'nu are forma așteptată';
      }
    },
    notMultipleOf: (divisor) => `trebuie să fie multiplu de ${divisor}`,
    invalidValue: (values) =>
      values.length === 1 ? `trebuie să fie ${values[0]}` : `trebuie să fie una dintre valorile: ${values.join(', ')}`,
    unrecognizedKeys: (keys) =>
      `${plural('ro', keys.length, { one: 'câmp necunoscut', other: 'câmpuri necunoscute' })}: ${keys.join(', ')}`,
    invalidUnion: 'nu se potrivește cu niciuna dintre formele permise',
    invalidKey: 'cheie greșită',
    invalidElement: 'element greșit',
    invalid: 'valoare greșită',
    schema: {
      httpUrl: 'trebuie să fie o adresă http(s)',
      awbParcels: 'un AWB are nevoie de cel puțin un colet sau un plic',
      cancelReasonList: 'nu este unul dintre motivele de anulare ale eMAG',
      statusTarget: 'o schimbare de status are nevoie de statusul nou',
      cancelNeedsReason: 'anularea are nevoie de un motiv',
      newOrdersCheck: 'trebuie să fie 0 (oprit) sau între 5 și 300 de secunde',
      localDate: 'trebuie să fie o dată AAAA-LL-ZZ',
      timeOfDay: 'trebuie să fie o oră HH:MM',
      atLeast3: 'cel puțin 3 caractere',
      required: 'obligatoriu',
      phone: 'trebuie să aibă între 8 și 11 cifre, opțional cu + în față',
      localityId: 'alege localitatea eMAG din listă',
      searchLetters: 'cel puțin 2 litere',
      region: 'litere, cifre și cratime (ex. eu-central-1, sau auto pentru Cloudflare R2)',
      bucketName: 'litere, cifre, puncte și cratime',
      keyPrefix: "litere, cifre și / ! _ . * ' ( ) -",
      fileTooBig: 'fișierul are peste 10 MB',
      base64: 'trebuie să fie base64',
    },
  },
};

export const enErrors: ErrorTexts = {
  invalidInput: 'Invalid input',
  invalidInputAt: (path, reason) => `Invalid input at ${path}: ${reason}`,
  invalidInputList: (list) => `Invalid input: ${list}`,
  notFound: {
    order: (id) => `Order ${id} not found`,
    action: (id) => `Action ${id} not found`,
    offer: (id) => `Offer ${id} not found`,
    account: (id) => `Account ${id} not found`,
    return: (id) => `Return ${id} not found`,
  },
  internal: (channel) => `MagFlow could not complete ${channel}; see the log.`,
  unknownChannel: (name) => `Unknown channel: ${name}`,
  orders: {
    fbeAcknowledge: 'Orders fulfilled by eMAG (FBE) cannot be acknowledged',
    onlyNewAcknowledge: (orderId, status) =>
      `Only new orders can be acknowledged (order ${orderId} has status ${status})`,
    cancelNeedsReason: "A cancellation needs a reason from eMAG's list of cancellation reasons",
    reasonOnlyWithCancel: 'A reason goes only with a cancellation',
    statusNotAllowed: (orderId, from, to) => `eMAG does not allow order ${orderId} to go from status ${from} to ${to}`,
    cannotUndo: (id, state) =>
      `Action ${id} is already ${state === 'pending' ? 'being sent' : state}: it can no longer be undone`,
    notFailed: (id, state) => `Action ${id} is ${state}, not failed`,
    fbeShips: 'eMAG ships orders it fulfils (FBE) itself',
    awbNeedsStatus: (orderId, status) =>
      `An AWB needs an order in progress or prepared (order ${orderId} has status ${status})`,
    noAwbCourier: (orderId) =>
      `eMAG takes no AWB from MagFlow for order ${orderId}: its courier list is empty ` +
      '(issue the AWB in the eMAG Marketplace interface)',
    courierRequired: (accounts) => `eMAG requires one of the courier accounts ${accounts} for this order`,
    invoicePdfUrl: 'eMAG accepts only PDF files: the link must end in .pdf (a ?query may follow)',
  },
  shipping: {
    senderMissing: 'save the pickup address in Settings (Shipping) before issuing AWBs',
    awbSending: (orderId) => `The AWB of order ${orderId} is still being sent to eMAG: try again in a moment`,
    noAwb: (orderId) =>
      `No AWB issued by MagFlow for order ${orderId}: eMAG gives labels only for AWBs issued through the API`,
    noLabel: (failures) =>
      `No label could be fetched: ${failures.map((f) => `order ${f.orderId}: ${f.error}`).join('; ')}`,
  },
  returns: {
    fbe: (emagId) => `Return ${emagId} is fulfilled by eMAG (FBE): eMAG processes it`,
    statusNotAllowed: (emagId, from, to) =>
      `Return ${emagId} is in status ${from}: eMAG does not allow a change to ${to}`,
  },
  accounts: {
    noPassword: (id) => `No stored password for account ${id}; enter it again in Settings`,
    nameTaken: (name) => `An account named "${name}" already exists`,
    needsPassword: 'A new account needs its API password',
    apiUrl: describeApiUrlFault,
  },
  invoices: {
    notConfigured:
      'No invoice bucket is set up: eMAG downloads invoices from a link, so a PDF file must first be put in your own ' +
      'S3-compatible bucket (Settings → Invoices), or paste a public link instead',
    secretRequired: 'the secret access key is required',
    endpoint: {
      notUrl: 'the endpoint is not a URL (e.g. https://s3.eu-central-1.amazonaws.com)',
      credentials: 'the endpoint must not contain credentials',
      plainHttp: (host) => `plain http is refused for ${host}: use https (http only for this computer)`,
      notHttps: 'the endpoint must use https',
      serverOnly: 'the endpoint is the server only (scheme, host and port), without a path or query',
    },
    pdf: {
      empty: 'the file is empty',
      tooBig: (bytes, limit) => `the file has ${megabytes('en', bytes)}; the limit is ${megabytes('en', limit)}`,
      notPdf: 'the file is not a PDF (it does not start with %PDF-)',
    },
  },
  updates: {
    desktopOnly: 'Only the desktop app installs updates.',
    off: 'Updates are off in this MagFlow.',
    notDownloaded: 'No update has been downloaded yet.',
  },
  notifications: { markWhich: 'Say which notifications to mark read (ids or all)' },
  // The CLI's words for the same rules (shared/offerEdits.ts), so both say the same thing.
  offerProblem: describeProblem,
  zod: {
    invalidType: (expected) => `expected ${enTypes[expected] ?? expected}`,
    tooSmall: ({ origin, limit, inclusive, exact }) => {
      if (origin === 'string') {
        if (exact) return `must have exactly ${enCharacters(limit)}`;
        return limit === 1 ? 'is required' : `must have at least ${enCharacters(limit)}`;
      }
      if (isCollection(origin)) return `must have at least ${enItems(limit)}`;
      if (isNumeric(origin)) return inclusive ? `must be at least ${limit}` : `must be greater than ${limit}`;
      return 'is too small';
    },
    tooBig: ({ origin, limit, inclusive, exact }) => {
      if (origin === 'string') {
        return exact ? `must have exactly ${enCharacters(limit)}` : `must have at most ${enCharacters(limit)}`;
      }
      if (isCollection(origin)) return `must have at most ${enItems(limit)}`;
      if (isNumeric(origin)) return inclusive ? `must be at most ${limit}` : `must be less than ${limit}`;
      return 'is too big';
    },
    invalidFormat: (format, fragment) => {
      switch (format) {
        case 'email':
          return 'must be an email address';
        case 'url':
          return 'must be a web address (URL)';
        case 'date':
          return 'must be a date (YYYY-MM-DD)';
        case 'datetime':
          return 'must be a date and time';
        case 'starts_with':
          return `must start with "${fragment ?? ''}"`;
        case 'ends_with':
          return `must end with "${fragment ?? ''}"`;
        case 'includes':
          return `must contain "${fragment ?? ''}"`;
        default:
          return 'does not have the expected form';
      }
    },
    notMultipleOf: (divisor) => `must be a multiple of ${divisor}`,
    invalidValue: (values) => (values.length === 1 ? `must be ${values[0]}` : `must be one of: ${values.join(', ')}`),
    unrecognizedKeys: (keys) =>
      `${plural('en', keys.length, { one: 'unknown field', other: 'unknown fields' })}: ${keys.join(', ')}`,
    invalidUnion: 'does not match any allowed form',
    invalidKey: 'invalid key',
    invalidElement: 'invalid element',
    invalid: 'invalid value',
    // The schemas' own English (what the CLI prints for the same refusal).
    schema: SCHEMA_TEXTS,
  },
};
