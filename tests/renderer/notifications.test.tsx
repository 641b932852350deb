// @vitest-environment jsdom
// The notifications feed: unread count, marking read, opening an order, a notification pushed by main.
import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useNavigation } from '../../renderer/src/stores/navigation';
import { renderAt } from './renderAt';
import { freshWorldEachTest, settle } from './setup';

const api = freshWorldEachTest();

describe('notifications', () => {
  it('shows the feed with the unread count, marks read, and opens a new order', async () => {
    await renderAt({ screen: 'notifications' });
    expect(screen.getByTestId('unread-count').textContent).toBe('1');
    expect(screen.getByTestId('notification-2').dataset.read).toBe('false');
    fireEvent.click(screen.getByTestId('notification-open-2'));
    await settle();
    expect(api.callsTo('notifications.markRead')).toEqual([{ ids: [2] }]);
    expect(useNavigation.getState().route).toEqual({ screen: 'order', accountId: 1, orderId: 1002 });
    expect(screen.queryByTestId('unread-count')).toBeNull();
  });

  it('adds a notification pushed by main at the top', async () => {
    await renderAt({ screen: 'notifications' });
    act(() =>
      api.emit({
        type: 'notification_added',
        notification: {
          id: 9,
          kind: 'order_new',
          title: 'Comandă nouă #9',
          body: '<b>x</b>',
          accountId: 1,
          orderId: 9,
          read: false,
          createdAt: '2025-03-10T09:00:00Z',
        },
      }),
    );
    const items = screen.getAllByTestId(/^notification-\d+$/);
    expect(items[0]?.dataset.testid).toBe('notification-9');
    expect(items[0]?.textContent).toContain('<b>x</b>');
    expect(screen.getByTestId('unread-count').textContent).toBe('2');
  });
});
