// Opens a link outside the app through main, which decides (allow-list) whether it may open at all.
import { call } from '../api/client';

export async function openExternal(url: string): Promise<boolean> {
  try {
    return (await call('app.openExternal', { url })).opened;
  } catch {
    return false;
  }
}
