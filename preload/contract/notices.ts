import { z } from 'zod';
import { channel, None } from './channel.js';

/** The files CallDeck keeps; each is read leniently and, when damaged, kept aside. */
export const StoredFile = z.enum(['settings', 'call-log', 'vault', 'accounts', 'window-state']);
export type StoredFile = z.infer<typeof StoredFile>;

/** Something the person must know that no single action caused, e.g. a damaged file recovered at start. */
export const Notice = z.object({
  id: z.string(),
  file: StoredFile,
  /** In words: what happened and what was kept. */
  message: z.string(),
  /** Where the damaged original was moved; absent when it could not be moved (then it was left untouched). */
  keptAt: z.string().optional(),
});
export type Notice = z.infer<typeof Notice>;

export const noticesChannels = {
  'notices:list': channel(None, z.array(Notice)),
  'notices:dismiss': channel(z.object({ id: z.string().min(1).max(64) }).strict(), z.array(Notice)),
} as const;

export const noticesEvents = {
  'notices:changed': z.array(Notice),
} as const;
