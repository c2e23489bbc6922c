import { z } from 'zod';
import { DIRECTORY_MAX_RESULTS, DIRECTORY_MIN_QUERY } from '../common/directory-limits.js';
import { channel, Done, None } from './channel.js';

/** One person from the company directory, with what to dial: their number, else their extension. */
export const DirectoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  number: z.string().optional(),
  extension: z.string().optional(),
  dial: z.string(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

export const DirectoryQuery = z.object({
  query: z.string().trim().min(DIRECTORY_MIN_QUERY, `Type at least ${DIRECTORY_MIN_QUERY} letters`).max(64),
});

export const DirectoryResult = z.object({
  people: z.array(DirectoryEntry).max(DIRECTORY_MAX_RESULTS),
  /** A newer search (or a cancel) replaced this one before it finished; its people are empty. */
  cancelled: z.boolean(),
});
export type DirectoryResult = z.infer<typeof DirectoryResult>;

export const directoryChannels = {
  /** Starting a search cancels the one still running: only the newest answer matters. */
  'directory:search': channel(DirectoryQuery, DirectoryResult),
  'directory:cancel': channel(None, Done),
} as const;
