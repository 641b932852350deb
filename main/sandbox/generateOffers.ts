// Builds a seller's offer catalogue from a seed: Romanian product names, RON prices, stock and validation statuses.
import { PRODUCT_FAMILIES, VAT_RATES } from './catalogue';
import { formatEmagDate } from './bucharestTime';
import { round4 } from './money';
import { Rng, mixSeed } from './random';
import type { EmagOfferRecord, EmagValidationStatus } from './records';

export const VALIDATION_DESCRIPTIONS: Readonly<Record<number, string>> = {
  0: 'Draft',
  1: 'Awaiting MKTP validation',
  2: 'Awaiting Brand validation',
  3: 'Awaiting EAN validation',
  4: 'Awaiting Documentation Validation',
  5: 'Rejected Brand',
  6: 'Rejected EAN',
  8: 'Rejected Documentation',
  9: 'Approved Documentation',
  10: 'Blocked',
  11: 'Documentation update validation pending',
  12: 'Update rejected',
};

export const validationStatus = (value: number): EmagValidationStatus[] => [
  {
    value,
    description: VALIDATION_DESCRIPTIONS[value] ?? 'Unknown',
    errors: value === 8 ? ['Imagini neconforme'] : null,
  },
];

export const offerValidation = (value: number): { value: number; description: string } => ({
  value,
  description: value === 1 ? 'Valid' : 'Invalid price',
});

const PNK_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';

/** A PNK looks like 'D5DD9BBBM': 6 random characters and the usual 'BBM' tail. */
export const makePartNumberKey = (rng: Rng): string => `${rng.chars(PNK_ALPHABET, 6)}BBM`;

export function generateOffers(seed: number, accountIndex: number, count: number, firstId = 10_001): EmagOfferRecord[] {
  const rng = new Rng(mixSeed(seed, accountIndex, 0x0ff3));
  const offers: EmagOfferRecord[] = [];
  const usedPartNumbers = new Set<string>();
  for (let i = 0; i < count; i++) {
    const family = rng.pick(PRODUCT_FAMILIES);
    let made = family.make(rng);
    while (usedPartNumbers.has(made.partNumber)) made = { ...made, partNumber: `${made.partNumber}${rng.int(0, 9)}` };
    usedPartNumbers.add(made.partNumber);
    const vat = family.categoryId === 3271 || family.categoryId === 3260 ? rng.pick(VAT_RATES) : VAT_RATES[0];
    const gross = rng.int(family.priceRange[0], family.priceRange[1]) - 0.01;
    const salePrice = round4(gross / (1 + vat.vat_rate));
    const stockValue = rng.weighted([
      [0.12, 0],
      [0.5, rng.int(1, 20)],
      [0.38, rng.int(21, 250)],
    ]);
    const status = rng.weighted([
      [0.85, 1],
      [0.1, 0],
      [0.05, 2],
    ]);
    const validation = rng.weighted([
      [0.8, 9],
      [0.06, 11],
      [0.05, 4],
      [0.03, 1],
      [0.03, 8],
      [0.02, 12],
      [0.01, 10],
    ]);
    const offerValid = rng.chance(0.95) ? 1 : 2;
    const bestPrice = round4(salePrice * (rng.chance(0.6) ? 1 : 0.9 + rng.next() * 0.09));
    const id = firstId + i;
    offers.push({
      id,
      part_number: made.partNumber,
      part_number_key: makePartNumberKey(rng),
      name: made.name,
      brand: made.brand,
      category_id: family.categoryId,
      vendor_category_id: null,
      description: `<p>${made.name}. Produs nou, sigilat, cu factură și garanție.</p>`,
      url: `https://magazin-demo.ro/produs/${id}`,
      warranty: family.warrantyMonths,
      ean: [`594${rng.digits(10)}`],
      images: [{ url: `https://magazin-demo.ro/img/${id}-1.jpg`, display_type: 1 }],
      characteristics: [],
      family: null,
      sale_price: salePrice,
      recommended_price: round4(salePrice * 1.15),
      min_sale_price: round4(salePrice * 0.7),
      max_sale_price: round4(salePrice * 1.6),
      best_offer_sale_price: bestPrice,
      best_offer_recommended_price: round4(bestPrice * 1.15),
      currency: 'RON',
      vat_id: vat.vat_id,
      status,
      stock: [{ warehouse_id: 1, value: stockValue }],
      general_stock: stockValue,
      estimated_stock: stockValue,
      handling_time: [{ warehouse_id: 1, value: rng.pick([0, 1, 1, 2, 3]) }],
      number_of_offers: rng.int(1, 9),
      buy_button_rank: rng.int(1, 4),
      ownership: rng.chance(0.7) ? 1 : 2,
      validation_status: validationStatus(validation),
      translation_validation_status: validationStatus(validation),
      offer_validation_status: offerValidation(offerValid),
      genius_eligibility: rng.chance(0.6) ? 1 : 0,
      genius_eligibility_type: rng.pick([1, 2, 3]),
      genius_computed: 0,
      manufacturer: rng.chance(0.8),
      eu_representative: rng.chance(0.5),
      created: formatEmagDate(Date.UTC(2024, rng.int(0, 11), rng.int(1, 28), rng.int(6, 20), rng.int(0, 59))),
    });
  }
  return offers;
}
