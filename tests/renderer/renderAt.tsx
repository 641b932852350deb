// Opens the whole window on one screen, as the seller would arrive there, and lets its first loads land.
import { render } from '@testing-library/react';
import { App } from '../../renderer/src/App';
import { useNavigation, type Route } from '../../renderer/src/stores/navigation';
import { settle } from './setup';

export async function renderAt(route: Route): Promise<void> {
  useNavigation.getState().navigate(route);
  render(<App followHash={false} eventDebounceMs={0} />);
  // Two turns: the screen's loads, then the renders their answers cause.
  await settle();
  await settle();
}
