import { describe, expect, it } from 'vitest';
import { startTestLine } from '../../line-kit/index.js';
import { raw } from '../sandbox/raw-http.js';
import { lineSuite } from '../sandbox/line-suite.js';

const suite = lineSuite((clock) => startTestLine({ clock }));

const control = (path: string, init: Parameters<typeof raw>[2] = {}) =>
  raw(suite.agent, `${suite.line.baseUrl.replace(/\/v1$/, '')}/__sandbox${path}`, { token: suite.line.token, ...init });

describe('XSI controls over HTTP', () => {
  it('switch XSI on and off, refuse tokens, and report channels; reset restores the configured line', async () => {
    expect((await control('/xsi')).json).toMatchObject({ enabled: false, channels: [], subscriptions: [], hosts: suite.line.xsi.hosts });
    expect((await control('/xsi', { method: 'PUT', body: { enabled: true } })).status).toBe(204);
    expect(suite.line.xsi.enabled()).toBe(true);
    expect((await control('/xsi/refusing', { method: 'PUT', body: { refusing: true } })).status).toBe(204);
    const refused = await raw(suite.agent, `http://${suite.line.xsi.hosts[0]}/com.broadsoft.xsi-events/v2.0/channel/x/heartbeat`, {
      method: 'PUT',
      token: suite.line.token,
    });
    expect(refused.status).toBe(401);
    for (const path of ['/xsi/drop-channels', '/xsi/forget-channels', '/xsi/terminate-channels']) {
      expect((await control(path, { method: 'POST', body: {} })).status, path).toBe(204);
    }
    expect((await control('/xsi', { method: 'PUT', body: { enabled: 'yes' } })).status).toBe(400);
    expect((await control('/xsi/nothing', { method: 'POST', body: {} })).status).toBe(404);
    await control('/reset', { method: 'POST' });
    expect(suite.line.xsi.enabled()).toBe(false);
  });
});
