/**
 * test/contract/specs/ holds verbatim copies of Cisco's contracts (CC BY 4.0, see specs/README.md),
 * because a newcomer's clone has no ../shared. When ../shared/contracts is present, the copies must
 * not have drifted from it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SPEC_FILES = [
  'README.md',
  'MORE.md',
  'EVENTS.md',
  'webex-call-controls.openapi.json',
  'webex-me-lines.openapi.json',
  'webex-meeting-participants.openapi.json',
  'webex-meetings-list.openapi.json',
  'webex-me-lines.openapi.json',
  'webex-people.openapi.json',
  'webex-webhooks.openapi.json',
];
const copies = fileURLToPath(new URL('./specs/', import.meta.url));
const shared = fileURLToPath(new URL('../../../shared/contracts/', import.meta.url));

describe('contract copies', () => {
  it.each(SPEC_FILES)('%s is present', (file) => {
    expect(existsSync(`${copies}${file}`)).toBe(true);
  });

  it.each(SPEC_FILES.filter((f) => f.endsWith('.json')))('%s keeps its CC BY 4.0 attribution', (file) => {
    const spec = JSON.parse(readFileSync(`${copies}${file}`, 'utf8')) as {
      openapi: string;
      info: { 'x-source'?: { license?: { name?: string }; attribution?: string } };
    };
    expect(spec.openapi).toMatch(/^3\.0\./);
    expect(spec.info['x-source']?.license?.name).toBe('CC BY 4.0');
    expect(spec.info['x-source']?.attribution).toContain('Cisco');
  });

  it('the README names the licence and the source', () => {
    const readme = readFileSync(`${copies}README.md`, 'utf8');
    expect(readme).toContain('CC BY 4.0');
    expect(readme).toContain('webex/webex-openapi-specs');
  });

  it.skipIf(!existsSync(shared)).each(SPEC_FILES)('%s is byte-identical to ../shared/contracts', (file) => {
    expect(readFileSync(`${copies}${file}`).equals(readFileSync(`${shared}${file}`))).toBe(true);
  });
});
