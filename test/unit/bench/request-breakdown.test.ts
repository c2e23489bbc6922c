import { describe, expect, it } from 'vitest';
import { requestKey } from '../../../bench/request-breakdown.js';

describe('the bench groups requests by kind', () => {
  it('splits the calls list by whose line it asks about', () => {
    expect(requestKey({ method: 'GET', path: '/v1/telephony/calls', query: {} })).toBe('GET /v1/telephony/calls (my line)');
    expect(requestKey({ method: 'GET', path: '/v1/telephony/calls', query: { lineOwnerId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x' } })).toBe('GET /v1/telephony/calls ?lineOwnerId');
  });

  it('folds ids in paths but keeps the words', () => {
    expect(requestKey({ method: 'GET', path: '/v1/telephony/config/people/me/settings/secondaryLines/Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x/queues', query: {} })).toBe(
      'GET /v1/telephony/config/people/me/settings/secondaryLines/{id}/queues',
    );
    expect(requestKey({ method: 'PUT', path: '/com.broadsoft.xsi-events/v2.0/channel/3f2a9c1e-77d0-4b8e-9a51-0c6d2e1f4a7b/heartbeat', query: {} })).toBe(
      'PUT /com.broadsoft.xsi-events/v2.0/channel/{id}/heartbeat',
    );
    expect(requestKey({ method: 'GET', path: '/v1/telephony/config/people/me/settings/doNotDisturb', query: {} })).toBe('GET /v1/telephony/config/people/me/settings/doNotDisturb');
  });
});
