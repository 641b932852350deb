// AWB parties for the client's tests: a seller shipping from its shop to a customer.
import type { EmagAwbParty } from '../../../main/core/emag';

export const SHOP_SENDER: EmagAwbParty = {
  name: 'Magazin SRL',
  contact: 'Ion',
  phone1: '0740000000',
  legal_entity: 1,
  locality_id: 8801,
  street: 'Str. Lunga 1',
};
