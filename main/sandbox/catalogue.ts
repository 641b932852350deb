// Romanian reference data for generated sandbox content: product families, people, places and couriers.
import type { Rng } from './random';

export interface ProductFamily {
  categoryId: number;
  categoryName: string;
  /** Builds a product name and a part-number stem from the RNG. */
  make(rng: Rng): { name: string; brand: string; partNumber: string };
  /** Gross price range in RON (VAT included), as a shopper sees it. */
  priceRange: readonly [number, number];
  warrantyMonths: number;
}

const COLORS = ['Negru', 'Alb', 'Albastru', 'Gri', 'Argintiu', 'Roșu', 'Verde', 'Roz'] as const;
const code = (rng: Rng, prefix: string): string =>
  `${prefix}${rng.chars('ABCDEFGHJKLMNPRSTUVWXYZ', 2)}${rng.digits(3)}`;

export const PRODUCT_FAMILIES: readonly ProductFamily[] = [
  {
    categoryId: 506,
    categoryName: 'Telefoane mobile',
    priceRange: [499, 6499],
    warrantyMonths: 24,
    make(rng) {
      const [brand, model] = rng.pick([
        ['Samsung', 'Galaxy A55'],
        ['Samsung', 'Galaxy S24'],
        ['Apple', 'iPhone 15'],
        ['Xiaomi', 'Redmi Note 13'],
        ['Motorola', 'Moto G84'],
        ['Honor', 'Magic6 Lite'],
      ] as const);
      const storage = rng.pick([128, 256, 512]);
      const color = rng.pick(COLORS);
      return {
        brand,
        name: `Telefon mobil ${brand} ${model}, Dual SIM, ${rng.pick([6, 8, 12])}GB RAM, ${storage}GB, 5G, ${color}`,
        partNumber: code(rng, 'SM-'),
      };
    },
  },
  {
    categoryId: 1147,
    categoryName: 'Laptopuri',
    priceRange: [1899, 9999],
    warrantyMonths: 24,
    make(rng) {
      const [brand, model] = rng.pick([
        ['Lenovo', 'IdeaPad Slim 3'],
        ['ASUS', 'Vivobook 15'],
        ['HP', 'Victus 15'],
        ['Acer', 'Aspire 5'],
        ['Apple', 'MacBook Air'],
        ['Dell', 'Inspiron 3520'],
      ] as const);
      const cpu = rng.pick(['Intel Core i5-1235U', 'AMD Ryzen 5 7520U', 'Intel Core i7-13620H', 'AMD Ryzen 7 7735HS']);
      return {
        brand,
        name: `Laptop ${brand} ${model} cu procesor ${cpu}, 15.6", Full HD, ${rng.pick([8, 16, 32])}GB, ${rng.pick([512, 1024])}GB SSD, ${rng.pick(['Windows 11 Home', 'Free DOS'])}`,
        partNumber: code(rng, 'NB-'),
      };
    },
  },
  {
    categoryId: 2090,
    categoryName: 'Televizoare',
    priceRange: [899, 7999],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(['Samsung', 'LG', 'Philips', 'TCL', 'Sony', 'Hisense']);
      const inches = rng.pick([43, 50, 55, 65, 75]);
      return {
        brand,
        name: `Televizor ${rng.pick(['LED', 'QLED', 'OLED'])} Smart ${brand}, ${inches}" (${Math.round(inches * 2.54)} cm), 4K Ultra HD, HDR10+`,
        partNumber: code(rng, 'TV-'),
      };
    },
  },
  {
    categoryId: 1323,
    categoryName: 'Căști audio',
    priceRange: [79, 1799],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(['JBL', 'Sony', 'Sennheiser', 'Apple', 'Samsung', 'Marshall']);
      return {
        brand,
        name: `Căști wireless ${brand} ${rng.pick(['Tune 520BT', 'WH-CH720N', 'Momentum 4', 'Major IV', 'Buds FE'])}, ${rng.pick(['Bluetooth 5.3', 'Noise Cancelling', 'Microfon încorporat'])}, ${rng.pick(COLORS)}`,
        partNumber: code(rng, 'HP-'),
      };
    },
  },
  {
    categoryId: 2740,
    categoryName: 'Espressoare',
    priceRange: [299, 4499],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(["De'Longhi", 'Philips', 'Krups', 'Nivona', 'Sage']);
      return {
        brand,
        name: `Espressor automat ${brand} ${rng.pick(['Magnifica S', 'Seria 2200', 'Evidence', 'CafeRomatica'])}, 15 bar, ${rng.pick([1.5, 1.8, 2])} l, Râșniță ceramică, ${rng.pick(COLORS)}`,
        partNumber: code(rng, 'EC-'),
      };
    },
  },
  {
    categoryId: 2245,
    categoryName: 'Aspiratoare',
    priceRange: [249, 3999],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(['Rowenta', 'Dyson', 'Bosch', 'Xiaomi', 'Samsung', 'Roborock']);
      return {
        brand,
        name: `Aspirator ${rng.pick(['vertical fără fir', 'robot', 'cu sac', 'fără sac'])} ${brand}, ${rng.pick([600, 750, 900, 2000])} W, ${rng.pick(['filtru HEPA', 'autonomie 60 min', 'perie motorizată'])}`,
        partNumber: code(rng, 'VC-'),
      };
    },
  },
  {
    categoryId: 3260,
    categoryName: 'Jucării LEGO',
    priceRange: [49, 1499],
    warrantyMonths: 0,
    make(rng) {
      const set = rng.pick([
        'City Stația de pompieri',
        'Technic Mașină de curse',
        'Friends Casa din copac',
        'Star Wars Millennium Falcon',
        'Duplo Trenul cu numere',
        'Creator Casa de pe plajă',
      ]);
      return {
        brand: 'LEGO',
        name: `LEGO® ${set}, ${rng.int(90, 1500)} piese, ${rng.pick(['4+', '6+', '8+', '9+', '18+'])} ani`,
        partNumber: String(rng.int(10000, 79999)),
      };
    },
  },
  {
    categoryId: 3271,
    categoryName: 'Jocuri de societate',
    priceRange: [39, 399],
    warrantyMonths: 0,
    make(rng) {
      const [brand, title] = rng.pick([
        ['Hasbro', 'Monopoly Clasic'],
        ['Ludicus', 'Catan'],
        ['Noriel', 'Nu te supăra, frate'],
        ['Asmodee', 'Dixit'],
        ['Mattel', 'UNO'],
      ] as const);
      return {
        brand,
        name: `Joc de societate ${brand} ${title}, limba română, ${rng.int(2, 6)}-${rng.int(6, 10)} jucători`,
        partNumber: code(rng, 'BG-'),
      };
    },
  },
  {
    categoryId: 4170,
    categoryName: 'Lenjerii de pat',
    priceRange: [89, 449],
    warrantyMonths: 0,
    make(rng) {
      const brand = rng.pick(['Heinner Home', 'Casa Bună', 'Hefei', 'Sonia Home']);
      return {
        brand,
        name: `Lenjerie de pat ${brand}, ${rng.pick(['bumbac 100%', 'satin', 'finet', 'ranforce'])}, 2 persoane, 4 piese, ${rng.pick(['model floral', 'dungi', 'uni', 'geometric'])}`,
        partNumber: code(rng, 'LP-'),
      };
    },
  },
  {
    categoryId: 4211,
    categoryName: 'Vase de gătit',
    priceRange: [69, 1299],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(['Tefal', 'Zwilling', 'Berlinger Haus', 'Ambition', 'Tescoma']);
      return {
        brand,
        name: `Set oale ${brand}, ${rng.int(4, 12)} piese, ${rng.pick(['inox', 'aluminiu forjat', 'fontă emailată'])}, compatibil inducție`,
        partNumber: code(rng, 'CK-'),
      };
    },
  },
  {
    categoryId: 5020,
    categoryName: 'Periuțe de dinți electrice',
    priceRange: [99, 1199],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(['Oral-B', 'Philips Sonicare', 'Xiaomi']);
      return {
        brand,
        name: `Periuță de dinți electrică ${brand} ${rng.pick(['Pro 3', 'iO 6', 'ProtectiveClean 4300', 'T700'])}, ${rng.pick([2, 3, 5])} programe, senzor de presiune, ${rng.pick(COLORS)}`,
        partNumber: code(rng, 'TB-'),
      };
    },
  },
  {
    categoryId: 6110,
    categoryName: 'Biciclete',
    priceRange: [699, 5999],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(['DHS', 'Pegas', 'Cross', 'Rock Machine', 'Kross']);
      return {
        brand,
        name: `Bicicletă ${rng.pick(['MTB', 'de oraș', 'trekking', 'pentru copii'])} ${brand}, roți ${rng.pick([20, 24, 26, 27.5, 29])}", ${rng.pick([7, 18, 21, 24])} viteze, ${rng.pick(COLORS)}`,
        partNumber: code(rng, 'BK-'),
      };
    },
  },
  {
    categoryId: 7015,
    categoryName: 'Camere auto',
    priceRange: [129, 899],
    warrantyMonths: 24,
    make(rng) {
      const brand = rng.pick(['Xiaomi', '70mai', 'Navitel', 'Mio', 'Vantrue']);
      return {
        brand,
        name: `Cameră auto DVR ${brand}, ${rng.pick(['Full HD', '2K', '4K'])}, unghi ${rng.pick([140, 150, 170])}°, Wi-Fi, senzor G`,
        partNumber: code(rng, 'DC-'),
      };
    },
  },
];

export const VAT_RATES = [
  { vat_id: 1, vat_rate: 0.21, is_default: 1 as const },
  { vat_id: 2, vat_rate: 0.11, is_default: 0 as const },
  { vat_id: 3, vat_rate: 0, is_default: 0 as const },
] as const;

export const HANDLING_TIMES = [0, 1, 2, 3, 4, 5, 6, 7, 10, 14, 20, 30] as const;

/** Extra categories the seller may not list in (is_allowed 0), so the category list is not only the allowed ones. */
export const OTHER_CATEGORIES = [
  { id: 12, name: 'Electronice', parent_id: null },
  { id: 14, name: 'Electrocasnice', parent_id: null },
  { id: 18, name: 'Casă, grădină și bricolaj', parent_id: null },
  { id: 21, name: 'Jucării și articole pentru copii', parent_id: null },
  { id: 25, name: 'Sport și activități în aer liber', parent_id: null },
  { id: 29, name: 'Auto, moto și RCA', parent_id: null },
  { id: 880, name: 'Frigidere', parent_id: 14 },
  { id: 881, name: 'Mașini de spălat rufe', parent_id: 14 },
  { id: 1410, name: 'Console gaming', parent_id: 12 },
  { id: 1550, name: 'Smartwatch', parent_id: 12 },
  { id: 4300, name: 'Mobilier de grădină', parent_id: 18 },
  { id: 4400, name: 'Scule electrice', parent_id: 18 },
  { id: 5200, name: 'Parfumuri', parent_id: null },
  { id: 6200, name: 'Trotinete electrice', parent_id: 25 },
  { id: 7100, name: 'Anvelope', parent_id: 29 },
] as const;

export const FIRST_NAMES_F = [
  'Ioana',
  'Maria',
  'Elena',
  'Andreea',
  'Ana',
  'Mihaela',
  'Cristina',
  'Alexandra',
  'Ștefania',
  'Raluca',
  'Bianca',
  'Irina',
  'Diana',
  'Gabriela',
  'Oana',
  'Roxana',
  'Simona',
  'Larisa',
  'Teodora',
  'Iulia',
] as const;
export const FIRST_NAMES_M = [
  'Andrei',
  'Alexandru',
  'Ion',
  'Mihai',
  'Ștefan',
  'Gheorghe',
  'Vasile',
  'Cristian',
  'Răzvan',
  'Bogdan',
  'Florin',
  'Constantin',
  'Ionuț',
  'Dragoș',
  'Cătălin',
  'Sorin',
  'Tudor',
  'Radu',
  'Adrian',
  'Marius',
] as const;
export const LAST_NAMES = [
  'Popescu',
  'Ionescu',
  'Popa',
  'Dumitru',
  'Stan',
  'Stoica',
  'Gheorghe',
  'Rusu',
  'Munteanu',
  'Matei',
  'Constantin',
  'Șerban',
  'Moldovan',
  'Lungu',
  'Ștefănescu',
  'Țăranu',
  'Bălan',
  'Dobre',
  'Niculescu',
  'Cojocaru',
  'Mureșan',
  'Pătrașcu',
  'Oprea',
  'Ciobanu',
  'Vlăduț',
  'Toma',
  'Crăciun',
  'Sârbu',
  'Nistor',
  'Florea',
] as const;

export interface Locality {
  id: number;
  city: string;
  county: string;
  postalPrefix: string;
}

export const LOCALITIES: readonly Locality[] = [
  { id: 8801, city: 'București, Sector 1', county: 'București', postalPrefix: '01' },
  { id: 8802, city: 'București, Sector 3', county: 'București', postalPrefix: '03' },
  { id: 8803, city: 'București, Sector 6', county: 'București', postalPrefix: '06' },
  { id: 4510, city: 'Cluj-Napoca', county: 'Cluj', postalPrefix: '40' },
  { id: 6320, city: 'Iași', county: 'Iași', postalPrefix: '70' },
  { id: 9140, city: 'Timișoara', county: 'Timiș', postalPrefix: '30' },
  { id: 3215, city: 'Constanța', county: 'Constanța', postalPrefix: '90' },
  { id: 2702, city: 'Brașov', county: 'Brașov', postalPrefix: '50' },
  { id: 3890, city: 'Craiova', county: 'Dolj', postalPrefix: '20' },
  { id: 4120, city: 'Galați', county: 'Galați', postalPrefix: '80' },
  { id: 7730, city: 'Ploiești', county: 'Prahova', postalPrefix: '10' },
  { id: 1180, city: 'Oradea', county: 'Bihor', postalPrefix: '41' },
  { id: 1540, city: 'Brăila', county: 'Brăila', postalPrefix: '81' },
  { id: 812, city: 'Pitești', county: 'Argeș', postalPrefix: '11' },
  { id: 8410, city: 'Sibiu', county: 'Sibiu', postalPrefix: '55' },
  { id: 1290, city: 'Bacău', county: 'Bacău', postalPrefix: '60' },
  { id: 7310, city: 'Târgu Mureș', county: 'Mureș', postalPrefix: '54' },
  { id: 2430, city: 'Baia Mare', county: 'Maramureș', postalPrefix: '43' },
  { id: 8820, city: 'Suceava', county: 'Suceava', postalPrefix: '72' },
  { id: 5560, city: 'Voluntari', county: 'Ilfov', postalPrefix: '07' },
  { id: 3355, city: 'Mangalia', county: 'Constanța', postalPrefix: '90' },
  { id: 6931, city: 'Câmpina', county: 'Prahova', postalPrefix: '10' },
  { id: 9021, city: 'Râmnicu Vâlcea', county: 'Vâlcea', postalPrefix: '24' },
  { id: 2044, city: 'Bistrița', county: 'Bistrița-Năsăud', postalPrefix: '42' },
];

export const STREETS = [
  'Str. Mihai Eminescu',
  'Bd. Unirii',
  'Str. Ștefan cel Mare',
  'Calea Victoriei',
  'Str. Avram Iancu',
  'Bd. Independenței',
  'Str. Mărășești',
  'Aleea Trandafirilor',
  'Str. Libertății',
  'Bd. Tudor Vladimirescu',
  'Str. Horea',
  'Str. Păcii',
  'Șos. Pantelimon',
  'Str. Câmpului',
  'Str. Țebea',
] as const;

export const COMPANY_SUFFIXES = ['SRL', 'SA', 'SRL-D', 'PFA', 'II'] as const;
export const COMPANY_WORDS = [
  'Agro',
  'Tehno',
  'Construct',
  'Dacia',
  'Carpați',
  'Nord',
  'Vest',
  'Prima',
  'Delta',
  'Omega',
] as const;

export const COURIERS = [
  { courier_name: 'Sameday', display: 'Sameday Courier', properties: [0, 2] },
  { courier_name: 'FAN Courier', display: 'FAN Courier Express', properties: [0, 6] },
  { courier_name: 'Cargus', display: 'Cargus', properties: [0, 6] },
  { courier_name: 'DPD', display: 'DPD Romania', properties: [0, 8] },
  { courier_name: 'GLS', display: 'GLS Romania', properties: [0] },
] as const;

export const LOCKER_NAMES = [
  'easybox Mega Mall',
  'easybox Kaufland Titan',
  'easybox Lidl Iuliu Maniu',
  'easybox Profi Mănăștur',
  'easybox Carrefour Palas',
  'FANbox Auchan Iulius',
  'easybox Penny Tătărași',
] as const;

export const VOUCHER_NAMES = [
  ['Voucher eMAG 20 lei', 'emag'],
  ['Reducere Genius', 'emag'],
  ['Voucher bun venit 30 lei', 'emag'],
  ['Discount magazin 10%', 'seller'],
  ['Cupon fidelitate 15 lei', 'seller'],
] as const;

/** Cancellation reasons a customer gives while the order is still unacknowledged. */
export const CUSTOMER_CANCEL_REASONS = [2, 23, 24, 36, 37, 38] as const;
/** Reasons behind cancellations of older orders (seller or eMAG side). */
export const OTHER_CANCEL_REASONS = [1, 3, 15, 19, 20, 21, 22, 25, 33] as const;
