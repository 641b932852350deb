// Offer money and codes are normalised once, in the mapper: one test per form the client accepts.
import { describe, expect, it } from 'vitest';
import { emagOfferSchema } from '../../main/core/emag';
import { mapOffer, OfferMapError, totalStock } from '../../main/core/sync/mapOffer';

const offer = (fields: Record<string, unknown>) =>
  mapOffer(emagOfferSchema.parse({ id: 44, name: 'Cana', ...fields }), 7, 'emag-ro');

describe('mapOffer', () => {
  it('reads the price as text with four decimals, a number, or blank', () => {
    expect(offer({ sale_price: '51.6477' }).salePrice).toBe('51.6477');
    expect(offer({ sale_price: '99.9900' }).salePrice).toBe('99.99');
    expect(offer({ sale_price: 99.99 }).salePrice).toBe('99.99');
    expect(offer({ sale_price: '' }).salePrice).toBeNull();
    expect(offer({ sale_price: null }).salePrice).toBeNull();
  });

  it('totals stock given per warehouse (values as text too), as a number, as text, or only as general_stock', () => {
    expect(
      offer({
        stock: [
          { warehouse_id: 1, value: '12' },
          { warehouse_id: '2', value: 3 },
        ],
      }).stock,
    ).toBe(15);
    expect(offer({ stock: 5 }).stock).toBe(5);
    expect(offer({ stock: '7' }).stock).toBe(7);
    expect(offer({ stock: null, general_stock: '9' }).stock).toBe(9);
    expect(offer({}).stock).toBeNull();
    expect(totalStock([])).toBe(0);
  });

  it('reads status and validation status as numbers or text, one object, a list, or the bare value', () => {
    expect(offer({ status: '1' }).status).toBe(1);
    expect(offer({ offer_validation_status: { value: 2, description: 'Invalid price' } })).toMatchObject({
      validationStatus: 2,
      validationText: 'Invalid price',
    });
    expect(offer({ offer_validation_status: [{ value: '1', description: 'Valid' }] }).validationStatus).toBe(1);
    expect(offer({ validation_status: 9 }).validationStatus).toBe(9);
    expect(offer({ offer_validation_status: '' }).validationStatus).toBeNull();
  });

  it("takes the offer's currency, else the platform's when there is a price", () => {
    expect(offer({ sale_price: '10', currency: 'EUR' }).currency).toBe('EUR');
    expect(offer({ sale_price: '10' }).currency).toBe('RON');
    expect(mapOffer(emagOfferSchema.parse({ id: 1, sale_price: '10' }), 7, 'emag-bg').currency).toBe('EUR');
    expect(offer({}).currency).toBeNull();
  });

  it('names the offer by its name, else its part number, else its id', () => {
    expect(offer({ name: '  ', part_number: 'PN-1' }).name).toBe('PN-1');
    expect(mapOffer(emagOfferSchema.parse({ id: '45' }), 7, 'emag-ro').name).toBe('#45');
  });

  it('refuses an offer id it cannot store, with a typed error', () => {
    expect(() => mapOffer(emagOfferSchema.parse({ id: 0 }), 7, 'emag-ro')).toThrow(OfferMapError);
  });
});
