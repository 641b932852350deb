// The main process's one message catalogue: every text it shows the seller (notifications, tray, badge, dialogs,
// failure causes) in Romanian and English. Both languages implement the same interface, so a missing text is a type
// error; code picks a language with `messages(lang)` and never compares the language to choose a text inline.
import type { FailureCause } from '../../../shared/causes';
import type { JobName, OrderStatus, OutboxKind } from '../../../shared/domain';
import { formatMoney, formatTime, plural, type Language } from './plural';
import type { ErrorTexts } from './errorTexts';
import { enErrors, roErrors } from './errorTexts';

export type { Language };

export interface CauseText {
  /** What happened, in one sentence. */
  title: string;
  /** What the seller should do about it. */
  advice: string;
}

export interface DialogText {
  title: string;
  message: string;
  detail: string;
  buttons: [string, string];
}

export interface Catalogue {
  jobs: Record<JobName, string>;
  statuses: Record<OrderStatus, string>;
  actions: Record<OutboxKind, string>;
  causes: Record<FailureCause, CauseText>;
  money(minor: number, currency: string): string;
  time(iso: string): string;
  notifications: {
    newOrder(orderId: number): string;
    newOrderWithTotal(orderId: number, total: string): string;
    newOrders(count: number): string;
    ordersImported(count: number): string;
    orderStatus(orderId: number, status: string): string;
    awb(orderId: number): string;
    invoice(orderId: number): string;
    actionFailed(action: string, orderId: number | null): string;
    syncFailed(job: string): string;
    accountFailing(account: string): string;
    customerUnknown: string;
    keepsRetrying: string;
    /**
     * MagFlow's own refusal of an action (shared/actionFailures.ts), for the notification: its detail is written in
     * English (logs, CLI); a language without it points to where the window explains it in that language.
     */
    actionRefused(englishDetail: string): string;
  };
  tray: {
    lastSync(time: string): string;
    notSyncedYet: string;
    newOrders(count: number): string;
    paused: string;
    failing(count: number): string;
    accountState: Record<'ok' | 'syncing' | 'error' | 'paused' | 'never', string>;
    labels: Record<'open' | 'syncNow' | 'pause' | 'resume' | 'logs' | 'quit' | 'noAccounts', string>;
  };
  badge(count: number): string;
  /** Offer editing (issue 18 §2): an offer under its low-stock threshold. */
  offers: {
    lowStockTitle(name: string): string;
    lowStockBody(stock: number, threshold: number, offerId: number): string;
    lowStockMany(count: number): string;
  };
  /** Returns and the account-health watch (issue 18). */
  returns: {
    newTitle(emagId: number): string;
    order(orderId: number): string;
    healthTitle(account: string, figure: string): string;
    healthBody(value: string, limit: string): string;
  };
  /** The today queue in the tray (issue 17 §1) and the shipping-deadline pop-up. */
  today: {
    label: string;
    acknowledge(n: number): string;
    prepare(n: number): string;
    ship(n: number): string;
    invoice(n: number): string;
    failed(n: number): string;
    overdue(n: number): string;
    shipWithin(orderId: number | null, left: string): string;
    deadlineNear(customer: string | null, account: string): string;
    manyNear(count: number): string;
    firstIn(left: string): string;
  };
  dialogs: {
    unencryptedConsent: DialogText;
    folderInUse(who: string | null, dataDir: string): DialogText;
    lockHolder(command: string, pid: number, host: string, since: string): string;
  };
  /** Main's own refusals and validation reasons, as the window shows them (issue 16 §1). */
  errors: ErrorTexts;
}

const ro: Catalogue = {
  jobs: {
    'new-orders': 'comenzi noi',
    'order-changes': 'modificări comenzi',
    'send-actions': 'acțiuni către eMAG',
    offers: 'oferte',
    maintenance: 'întreținere',
    health: 'verificare stare',
    returns: 'retururi',
  },
  statuses: { 0: 'anulată', 1: 'nouă', 2: 'în procesare', 3: 'pregătită', 4: 'finalizată', 5: 'returnată' },
  actions: {
    acknowledge: 'confirmare',
    status: 'schimbare de status',
    awb: 'emitere AWB',
    invoice: 'atașare factură',
    offer: 'modificare ofertă',
    return: 'schimbare status retur',
  },
  causes: {
    credentials: {
      title: 'eMAG a refuzat utilizatorul sau parola API.',
      advice: 'Verifică utilizatorul și parola API în Setări → Conturi (sunt cele din Marketplace, nu de la magazin).',
    },
    api_rights: {
      title: 'Utilizatorul nu are drepturi de API la eMAG.',
      advice: 'Cere eMAG (sau administratorului contului) să activeze accesul API pentru acest utilizator.',
    },
    ip_not_whitelisted: {
      title: 'eMAG a refuzat adresa IP a acestui calculator: nu este pe lista de IP-uri permise.',
      advice:
        'Adaugă adresa IP publică a acestui calculator în Marketplace eMAG, la setările API. Parola este bună: nu o schimba.',
    },
    access_denied: {
      title: 'eMAG a refuzat accesul (fără să spună motivul).',
      advice: 'Verifică parola API, lista de IP-uri permise și drepturile de API ale utilizatorului în Marketplace.',
    },
    emag_error: {
      title: 'Eroare la eMAG: serverul lor nu a putut răspunde sau a refuzat cererea.',
      advice: 'Nu e nimic greșit la tine. MagFlow reîncearcă singur; dacă durează, vezi motivul dat de eMAG.',
    },
    bad_response: {
      title: 'eMAG a trimis un răspuns pe care MagFlow nu îl poate citi.',
      advice: 'De obicei trece singur. MagFlow reîncearcă; dacă persistă, trimite jurnalele din Diagnostic.',
    },
    network: {
      title: 'eMAG nu a putut fi contactat: nu există conexiune la internet sau a căzut rețeaua.',
      advice: 'Verifică internetul acestui calculator. MagFlow reîncearcă singur când revine legătura.',
    },
    timeout: {
      title: 'eMAG nu a răspuns la timp.',
      advice: 'MagFlow reîncearcă singur. Dacă se repetă, conexiunea e lentă sau eMAG e supraîncărcat.',
    },
    rate_limit: {
      title: 'Prea multe cereri: eMAG a cerut o pauză.',
      advice: 'Nu trebuie să faci nimic: MagFlow încetinește și continuă singur.',
    },
    paused_after_failures: {
      title: 'Cererile către acest cont sunt oprite un minut, după mai multe erori la rând.',
      advice: 'MagFlow reia singur după pauză. Vezi mai jos eroarea care a oprit cererile.',
    },
    config: {
      title: 'Contul nu este configurat complet (parolă lipsă sau adresă API greșită).',
      advice: 'Deschide Setări → Conturi și completează contul.',
    },
    interrupted: {
      title: 'Rularea a fost întreruptă (MagFlow s-a oprit sau a fost anulată).',
      advice: 'Nu trebuie să faci nimic: următoarea rulare reia de unde a rămas.',
    },
    internal: {
      title: 'A apărut o eroare neașteptată în MagFlow.',
      advice: 'Încearcă din nou; dacă se repetă, trimite jurnalele din Diagnostic.',
    },
  },
  money: (minor, currency) => formatMoney('ro', minor, currency),
  time: (iso) => formatTime('ro', iso),
  notifications: {
    newOrder: (id) => `Comandă nouă #${id}`,
    newOrderWithTotal: (id, total) => `Comandă nouă #${id} · ${total}`,
    newOrders: (n) => plural('ro', n, { one: '{n} comandă nouă', few: '{n} comenzi noi', other: '{n} de comenzi noi' }),
    ordersImported: (n) =>
      plural('ro', n, {
        one: '{n} comandă importată',
        few: '{n} comenzi importate',
        other: '{n} de comenzi importate',
      }),
    orderStatus: (id, status) => `Comanda #${id} este ${status}`,
    awb: (id) => `AWB emis pentru comanda #${id}`,
    invoice: (id) => `Factură atașată la comanda #${id}`,
    actionFailed: (action, id) => `Acțiune eșuată: ${action}${id === null ? '' : ` (comanda #${id})`}`,
    syncFailed: (job) => `Sincronizare eșuată (${job})`,
    accountFailing: (account) => `${account}: sincronizarea eșuează`,
    customerUnknown: 'Client necunoscut',
    keepsRetrying: 'MagFlow reîncearcă. Detalii în Diagnostic.',
    actionRefused: () => 'Nu s-a trimis la eMAG. Motivul este în MagFlow, în „Azi”, la acțiunile eșuate.',
  },
  tray: {
    lastSync: (time) => `Ultima sincronizare: ${time}`,
    notSyncedYet: 'Nesincronizat încă',
    newOrders: (n) => plural('ro', n, { one: '{n} comandă nouă', few: '{n} comenzi noi', other: '{n} de comenzi noi' }),
    paused: 'Sincronizare în pauză',
    failing: (n) =>
      plural('ro', n, {
        one: '{n} cont nu se sincronizează',
        few: '{n} conturi nu se sincronizează',
        other: '{n} de conturi nu se sincronizează',
      }),
    accountState: {
      ok: 'în regulă',
      syncing: 'se sincronizează…',
      error: 'eroare',
      paused: 'în pauză',
      never: 'nesincronizat încă',
    },
    labels: {
      open: 'Deschide MagFlow',
      syncNow: 'Sincronizează acum',
      pause: 'Pune sincronizarea pe pauză',
      resume: 'Reia sincronizarea',
      logs: 'Deschide dosarul cu jurnale',
      quit: 'Ieșire',
      noAccounts: 'Niciun cont',
    },
  },
  badge: (n) => plural('ro', n, { one: '{n} comandă nouă', few: '{n} comenzi noi', other: '{n} de comenzi noi' }),
  offers: {
    lowStockTitle: (name) => `Stoc redus: ${name}`,
    lowStockBody: (stock, threshold, offerId) => `${stock} rămase (prag ${threshold}) · oferta ${offerId}`,
    lowStockMany: (n) =>
      plural('ro', n, {
        one: '{n} ofertă are stoc redus',
        few: '{n} oferte au stoc redus',
        other: '{n} de oferte au stoc redus',
      }),
  },
  returns: {
    newTitle: (emagId) => `Retur nou #${emagId}`,
    order: (orderId) => `comanda #${orderId}`,
    healthTitle: (account, figure) => `${account}: ${figure} peste limită`,
    healthBody: (value, limit) =>
      `${value} (limita ${limit}). Estimare MagFlow; cifra eMAG din seller center este cea care contează.`,
  },
  today: {
    label: 'Azi',
    acknowledge: (n) => `${n} de confirmat`,
    prepare: (n) => `${n} de pregătit`,
    ship: (n) => `${n} de predat curierului`,
    invoice: (n) => `${n} fără factură`,
    failed: (n) =>
      plural('ro', n, { one: '{n} acțiune eșuată', few: '{n} acțiuni eșuate', other: '{n} de acțiuni eșuate' }),
    overdue: (n) => plural('ro', n, { one: '{n} depășită', few: '{n} depășite', other: '{n} de depășite' }),
    shipWithin: (orderId, left) => `Comanda ${orderId}: de expediat în ${left}`,
    deadlineNear: (customer, account) => `${customer ?? 'Client'} · ${account}. Termenul de expediere eMAG se apropie.`,
    manyNear: (n) =>
      plural('ro', n, {
        one: '{n} comandă aproape de termenul de expediere',
        few: '{n} comenzi aproape de termenul de expediere',
        other: '{n} de comenzi aproape de termenul de expediere',
      }),
    firstIn: (left) => `Prima în ${left}. Deschide „Azi” în MagFlow.`,
  },
  dialogs: {
    unencryptedConsent: {
      title: 'Păstrarea parolei',
      message: 'Sistemul nu oferă stocare criptată a parolelor (keyring).',
      detail:
        'MagFlow poate păstra parola API eMAG într-un fișier pe care doar utilizatorul tău îl poate citi, dar NECRIPTAT. ' +
        'Dacă refuzi, parola e păstrată doar până închizi MagFlow și o vei introduce din nou data viitoare. ' +
        'Instalarea și deblocarea unui keyring (GNOME Keyring, KWallet) activează criptarea.',
      buttons: ['Păstrează până la închidere', 'Salvează necriptat'],
    },
    folderInUse: (who, dataDir) => ({
      title: 'MagFlow',
      message: 'Alt program MagFlow sincronizează deja comenzile',
      detail:
        `${who ?? 'Alt program MagFlow'} folosește dosarul de date ${dataDir}.\n\n` +
        'Oprește-l (Ctrl+C în terminalul lui), apoi alege „Încearcă din nou”. MagFlow nu pornește alături de el: ' +
        'două programe care sincronizează aceleași conturi eMAG ar repeta fiecare acțiune.',
      buttons: ['Încearcă din nou', 'Ieșire'],
    }),
    lockHolder: (command, pid, host, since) => `${command} (pid ${pid}, pe calculatorul ${host}, pornit la ${since})`,
  },
  errors: roErrors,
};

const en: Catalogue = {
  jobs: {
    'new-orders': 'new orders',
    'order-changes': 'order changes',
    'send-actions': 'actions to eMAG',
    offers: 'offers',
    maintenance: 'maintenance',
    health: 'health check',
    returns: 'returns',
  },
  statuses: { 0: 'canceled', 1: 'new', 2: 'in progress', 3: 'prepared', 4: 'finalized', 5: 'returned' },
  actions: {
    acknowledge: 'acknowledge',
    status: 'status change',
    awb: 'AWB',
    invoice: 'invoice attachment',
    offer: 'offer edit',
    return: 'return status change',
  },
  causes: {
    credentials: {
      title: 'eMAG refused the API username or password.',
      advice: 'Check the API username and password in Settings → Accounts (the Marketplace ones, not the shop login).',
    },
    api_rights: {
      title: 'This user has no API rights at eMAG.',
      advice: "Ask eMAG (or the account's administrator) to enable API access for this user.",
    },
    ip_not_whitelisted: {
      title: "eMAG refused this computer's IP address: it is not on the list of allowed IPs.",
      advice:
        "Add this computer's public IP address to the API settings in eMAG Marketplace. The password is fine: do not change it.",
    },
    access_denied: {
      title: 'eMAG refused access (without saying why).',
      advice: "Check the API password, the list of allowed IPs and the user's API rights in the Marketplace.",
    },
    emag_error: {
      title: "eMAG's error: their server could not answer or refused the request.",
      advice: "Nothing is wrong on your side. MagFlow retries by itself; if it lasts, see eMAG's reason.",
    },
    bad_response: {
      title: 'eMAG sent an answer MagFlow cannot read.',
      advice: 'This usually passes. MagFlow retries; if it persists, send the logs from Diagnostics.',
    },
    network: {
      title: 'eMAG could not be reached: no internet connection or the network is down.',
      advice: "Check this computer's internet. MagFlow retries by itself when the connection is back.",
    },
    timeout: {
      title: 'eMAG did not answer in time.',
      advice: 'MagFlow retries by itself. If it keeps happening, the connection is slow or eMAG is overloaded.',
    },
    rate_limit: {
      title: 'Too many requests: eMAG asked for a pause.',
      advice: 'Nothing to do: MagFlow slows down and carries on by itself.',
    },
    paused_after_failures: {
      title: 'Requests to this account are paused for a minute after several failures in a row.',
      advice: 'MagFlow resumes by itself after the pause. See below the error that paused them.',
    },
    config: {
      title: 'The account is not fully set up (missing password or wrong API address).',
      advice: 'Open Settings → Accounts and complete the account.',
    },
    interrupted: {
      title: 'The run was interrupted (MagFlow stopped or it was cancelled).',
      advice: 'Nothing to do: the next run carries on where it stopped.',
    },
    internal: {
      title: 'An unexpected error happened in MagFlow.',
      advice: 'Try again; if it repeats, send the logs from Diagnostics.',
    },
  },
  money: (minor, currency) => formatMoney('en', minor, currency),
  time: (iso) => formatTime('en', iso),
  notifications: {
    newOrder: (id) => `New order #${id}`,
    newOrderWithTotal: (id, total) => `New order #${id} · ${total}`,
    newOrders: (n) => plural('en', n, { one: '{n} new order', other: '{n} new orders' }),
    ordersImported: (n) => plural('en', n, { one: '{n} order imported', other: '{n} orders imported' }),
    orderStatus: (id, status) => `Order #${id} is ${status}`,
    awb: (id) => `AWB issued for order #${id}`,
    invoice: (id) => `Invoice attached to order #${id}`,
    actionFailed: (action, id) => `Action failed: ${action}${id === null ? '' : ` (order #${id})`}`,
    syncFailed: (job) => `Sync failed (${job})`,
    accountFailing: (account) => `${account}: sync is failing`,
    customerUnknown: 'Customer unknown',
    keepsRetrying: 'MagFlow keeps retrying. Details in Diagnostics.',
    actionRefused: (englishDetail) => englishDetail,
  },
  tray: {
    lastSync: (time) => `Last sync: ${time}`,
    notSyncedYet: 'Not synced yet',
    newOrders: (n) => plural('en', n, { one: '{n} new order', other: '{n} new orders' }),
    paused: 'Sync paused',
    failing: (n) => plural('en', n, { one: '{n} account is not syncing', other: '{n} accounts are not syncing' }),
    accountState: { ok: 'OK', syncing: 'syncing…', error: 'error', paused: 'paused', never: 'not synced yet' },
    labels: {
      open: 'Open MagFlow',
      syncNow: 'Sync now',
      pause: 'Pause sync',
      resume: 'Resume sync',
      logs: 'Open logs folder',
      quit: 'Quit',
      noAccounts: 'No accounts',
    },
  },
  badge: (n) => plural('en', n, { one: '{n} new order', other: '{n} new orders' }),
  offers: {
    lowStockTitle: (name) => `Low stock: ${name}`,
    lowStockBody: (stock, threshold, offerId) => `${stock} left (threshold ${threshold}) · offer ${offerId}`,
    lowStockMany: (n) => plural('en', n, { one: '{n} offer is low on stock', other: '{n} offers are low on stock' }),
  },
  returns: {
    newTitle: (emagId) => `New return #${emagId}`,
    order: (orderId) => `order #${orderId}`,
    healthTitle: (account, figure) => `${account}: ${figure} past its limit`,
    healthBody: (value, limit) =>
      `${value} (limit ${limit}). MagFlow's estimate; eMAG's figure in the seller center is authoritative.`,
  },
  today: {
    label: 'Today',
    acknowledge: (n) => `${n} to acknowledge`,
    prepare: (n) => `${n} to prepare`,
    ship: (n) => `${n} to ship`,
    invoice: (n) => `${n} without an invoice`,
    failed: (n) => plural('en', n, { one: '{n} failed action', other: '{n} failed actions' }),
    overdue: (n) => `${n} overdue`,
    shipWithin: (orderId, left) => `Order ${orderId}: ship within ${left}`,
    deadlineNear: (customer, account) => `${customer ?? 'Customer'} · ${account}. eMAG's shipping deadline is near.`,
    manyNear: (n) =>
      plural('en', n, {
        one: '{n} order near its shipping deadline',
        other: '{n} orders near their shipping deadline',
      }),
    firstIn: (left) => `The first in ${left}. Open Today in MagFlow.`,
  },
  dialogs: {
    unencryptedConsent: {
      title: 'Password storage',
      message: 'Your system offers no encrypted password storage (keyring).',
      detail:
        'MagFlow can store the eMAG API password in a file only your user can read, but NOT encrypted. ' +
        'If you refuse, the password is kept only until MagFlow quits and you will enter it again next time. ' +
        'Installing and unlocking a keyring (GNOME Keyring, KWallet) enables encryption.',
      buttons: ['Keep until I quit', 'Store unencrypted'],
    },
    folderInUse: (who, dataDir) => ({
      title: 'MagFlow',
      message: 'Another MagFlow program is already syncing your orders',
      detail:
        `${who ?? 'Another MagFlow program'} is using the data folder ${dataDir}.\n\n` +
        'Stop it (Ctrl+C in its terminal), then choose Try again. MagFlow does not run beside it: two programs ' +
        'syncing the same eMAG accounts would repeat every action.',
      buttons: ['Try again', 'Quit'],
    }),
    lockHolder: (command, pid, host, since) => `${command} (pid ${pid}, on computer ${host}, started ${since})`,
  },
  errors: enErrors,
};

const CATALOGUES: Record<Language, Catalogue> = { ro, en };

/** The texts of one language (Romanian for anything unexpected: it is the default). */
export const messages = (lang: Language): Catalogue => CATALOGUES[lang] ?? ro;

/** A failure in one line for a notification body: the cause, then eMAG's own words when it gave any. */
export function failureLine(lang: Language, cause: FailureCause | null, reason: string | null): string {
  const text = messages(lang);
  const title = cause ? text.causes[cause].title : text.causes.internal.title;
  return reason ? `${title} eMAG: „${reason}”` : title;
}
