// @vitest-environment jsdom
// The language switch: the whole window from Romanian to English, saved; a saved language at start.
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderAt } from './renderAt';
import { freshWorldEachTest, settle } from './setup';

const api = freshWorldEachTest();

describe('language', () => {
  it('switches the whole window from Romanian to English and saves the choice', async () => {
    await renderAt({ screen: 'dashboard' });
    expect(screen.getByTestId('nav-orders').textContent).toContain('Comenzi');
    expect(screen.getByTestId('sync-now').textContent).toBe('Sincronizează acum');
    fireEvent.change(screen.getByTestId('language-switch'), { target: { value: 'en' } });
    await settle();
    expect(screen.getByTestId('nav-orders').textContent).toContain('Orders');
    expect(screen.getByTestId('sync-now').textContent).toBe('Sync now');
    expect(screen.getByTestId('revenue-today-RON').textContent).toMatch(/\D1,234\.56\sRON$/); // as the notifications write it, not "RON 1,234.56"
    expect(api.callsTo('settings.update')).toEqual([{ language: 'en' }]);
    expect(document.documentElement.lang).toBe('en');
  });

  it('starts in the language saved in settings', async () => {
    api.settings = { ...api.settings, language: 'en' };
    await renderAt({ screen: 'orders' });
    expect(screen.getByTestId('orders-total').textContent).toBe('250 orders');
  });
});
