/**
 * Webex webhooks as the built-in line keeps them: the registrations (/webhooks), and the
 * deliveries it POSTs when the line changes. Rules trace to webex-webhooks.openapi.json and
 * EVENTS.md; where those are silent the line does the less convenient thing:
 * - it delivers each event once and never retries a failed delivery;
 * - after a few failed deliveries in a row it turns the webhook `inactive` and stops delivering
 *   ("A webhook whose deliveries fail can become inactive");
 * - it delivers only to loopback (it has no internet to reach) and counts anything else as failed;
 * - tests may script delays, duplicates and out-of-order delivery, as a real relay shows them.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { Clock, TimerHandle } from '../core/ports.js';
import { RequestError } from './routes.js';

/** The contract's `resource` enum. */
export const WEBHOOK_RESOURCES = [
  'attachmentActions',
  'dataSources',
  'memberships',
  'messages',
  'rooms',
  'meetings',
  'recordings',
  'convergedRecordings',
  'meetingParticipants',
  'meetingTranscripts',
  'telephony_calls',
  'telephony_conference',
  'telephony_mwi',
  'uc_counters',
  'serviceApp',
  'adminBatchJobs',
] as const;
/** The contract's `event` enum: `all` is not in it, so the line refuses it. */
export const WEBHOOK_EVENTS = ['created', 'updated', 'deleted', 'started', 'ended', 'joined', 'left', 'migrated', 'authorized', 'deauthorized', 'statusChanged'] as const;
/** "Supported for meetings, recordings, … resources" only. */
export const ORG_OWNABLE = new Set(['meetings', 'recordings', 'convergedRecordings', 'meetingParticipants', 'meetingTranscripts', 'rooms', 'adminBatchJobs']);

export type WebhookResource = (typeof WEBHOOK_RESOURCES)[number];
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface SandboxWebhook {
  id: string;
  name: string;
  targetUrl: string;
  resource: WebhookResource;
  event: WebhookEvent;
  filter?: string;
  secret?: string;
  status: 'active' | 'inactive';
  created: string;
  orgId: string;
  createdBy: string;
  appId: string;
  ownedBy: 'creator' | 'org';
}

/** How the next deliveries behave; tests script it through the control API. */
export interface DeliveryScript {
  /** Each delivery waits this long before it is sent. */
  delayMs?: number;
  /** Each delivery is sent twice, identically (same body, same signature). */
  duplicate?: boolean;
  /** Deliveries are held until this many have gathered, then sent newest first. */
  reorderBatch?: number;
}

export interface DeliveryRecord {
  webhookId: string;
  resource: WebhookResource;
  event: WebhookEvent;
  /** The receiver's answer; undefined when it could not be reached. */
  status?: number;
  error?: string;
  body: string;
}

/** A change at the line, before it is matched to webhooks. */
export interface LineEvent {
  resource: WebhookResource;
  event: WebhookEvent;
  data: Record<string, unknown>;
}

export interface WebhooksControl {
  /** Every registration, secrets included (tests check what the app stored). */
  list(): SandboxWebhook[];
  script(script: DeliveryScript): void;
  /** Webex turns a webhook off (as after failed deliveries). */
  deactivate(id: string): void;
  /** Someone else (another app, an admin) deletes a webhook. */
  remove(id: string): void;
  /** Every delivery attempt, oldest first. */
  deliveries(): DeliveryRecord[];
  /** Resolves once every delivery sent or scheduled so far has been answered or failed. */
  settle(): Promise<void>;
}

export const FAILURES_BEFORE_INACTIVE = 3;
const DELIVERY_TIMEOUT_MS = 5_000;
const DELIVERY_LOG_SIZE = 500;
const ORG_ID = 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8xZWI2NWZkZi05NjQzLTQxN2YtOTk3NC1hZDcyY2FlMGUxMGY';
const CREATED_BY = 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9zYW5kYm94LXVzZXI';
const APP_ID = 'Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL3NhbmRib3g';

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
}

export function createWebhooksBook(clock: Clock) {
  let hooks: SandboxWebhook[] = [];
  let script: DeliveryScript = {};
  const failures = new Map<string, number>();
  const log: DeliveryRecord[] = [];
  const inFlight = new Set<Promise<void>>();
  const timers = new Set<TimerHandle>();
  let held: Array<() => void> = [];
  let disposed = false;

  const find = (id: string) => {
    const hook = hooks.find((h) => h.id === id);
    if (!hook) throw new RequestError(404, `No webhook ${id}.`);
    return hook;
  };

  function record(entry: DeliveryRecord): void {
    log.push(entry);
    if (log.length > DELIVERY_LOG_SIZE) log.splice(0, log.length - DELIVERY_LOG_SIZE);
  }

  function failed(hook: SandboxWebhook): void {
    const count = (failures.get(hook.id) ?? 0) + 1;
    failures.set(hook.id, count);
    if (count >= FAILURES_BEFORE_INACTIVE) {
      const current = hooks.find((h) => h.id === hook.id);
      if (current) current.status = 'inactive';
    }
  }

  function post(hook: SandboxWebhook, body: string, signature: string | undefined): Promise<void> {
    const attempt = new Promise<void>((resolve) => {
      const entry: DeliveryRecord = { webhookId: hook.id, resource: hook.resource, event: hook.event, body };
      const target = new URL(hook.targetUrl);
      if (!isLoopback(target)) {
        record({ ...entry, error: 'the line delivers only to loopback' });
        failed(hook);
        resolve();
        return;
      }
      const req = httpRequest(
        target,
        {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            ...(signature !== undefined ? { 'x-spark-signature': signature } : {}),
          },
          timeout: DELIVERY_TIMEOUT_MS,
          // A connection per delivery, as from a distant server: nothing lingers in a pool after the line closes.
          agent: false,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            record({ ...entry, status });
            if (status >= 200 && status < 300) failures.set(hook.id, 0);
            else failed(hook);
            resolve();
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (error) => {
        record({ ...entry, error: error.message });
        failed(hook);
        resolve();
      });
      req.end(body);
    });
    inFlight.add(attempt);
    void attempt.finally(() => inFlight.delete(attempt));
    return attempt;
  }

  function send(hook: SandboxWebhook, body: string): void {
    if (disposed) return;
    const signature = hook.secret !== undefined ? createHmac('sha1', hook.secret).update(body).digest('hex') : undefined;
    const times = script.duplicate ? 2 : 1;
    const go = () => {
      for (let i = 0; i < times; i += 1) void post(hook, body, signature);
    };
    if (script.reorderBatch !== undefined && script.reorderBatch > 1) {
      held.push(go);
      if (held.length >= script.reorderBatch) {
        const batch = held.reverse();
        held = [];
        for (const run of batch) later(run);
      }
      return;
    }
    later(go);
  }

  /** Deliveries always leave after the change that caused them has been answered, as Webex's do. */
  function later(run: () => void): void {
    const wait = new Promise<void>((resolve) => {
      const handle = clock.setTimeout(() => {
        timers.delete(handle);
        if (!disposed) run();
        resolve();
      }, script.delayMs ?? 0);
      timers.add(handle);
    });
    inFlight.add(wait);
    void wait.finally(() => inFlight.delete(wait));
  }

  return {
    hooks: () => hooks,
    find,
    create(input: Omit<SandboxWebhook, 'id' | 'status' | 'created' | 'orgId' | 'createdBy' | 'appId'>): SandboxWebhook {
      const hook: SandboxWebhook = {
        id: Buffer.from(`ciscospark://us/WEBHOOK/${randomUUID()}`).toString('base64url'),
        ...input,
        status: 'active',
        created: new Date(clock.now()).toISOString(),
        orgId: ORG_ID,
        createdBy: CREATED_BY,
        appId: APP_ID,
      };
      hooks = [...hooks, hook];
      return hook;
    },
    update(id: string, patch: { name: string; targetUrl: string; secret?: string; status?: 'active' }): SandboxWebhook {
      const hook = find(id);
      Object.assign(hook, { name: patch.name, targetUrl: patch.targetUrl });
      if (patch.secret !== undefined) hook.secret = patch.secret;
      if (patch.status === 'active') {
        hook.status = 'active';
        failures.set(id, 0);
      }
      return hook;
    },
    remove(id: string): void {
      find(id);
      hooks = hooks.filter((h) => h.id !== id);
      failures.delete(id);
    },
    /** Delivers one change to every active webhook registered for it. */
    publish(change: LineEvent): void {
      for (const hook of hooks) {
        if (hook.status !== 'active' || hook.resource !== change.resource || hook.event !== change.event) continue;
        const envelope = {
          id: hook.id,
          name: hook.name,
          targetUrl: hook.targetUrl,
          resource: hook.resource,
          event: hook.event,
          ...(hook.filter !== undefined ? { filter: hook.filter } : {}),
          orgId: hook.orgId,
          createdBy: hook.createdBy,
          appId: hook.appId,
          ownedBy: hook.ownedBy,
          status: hook.status,
          created: hook.created,
          actorId: hook.createdBy,
          data: change.data,
        };
        send(hook, JSON.stringify(envelope));
      }
    },
    control: {
      list: () => hooks.map((h) => ({ ...h })),
      script(next: DeliveryScript) {
        script = { ...next };
        if (!script.reorderBatch) {
          const pending = held;
          held = [];
          for (const run of pending) later(run);
        }
      },
      deactivate(id: string) {
        find(id).status = 'inactive';
      },
      remove(id: string) {
        find(id);
        hooks = hooks.filter((h) => h.id !== id);
      },
      deliveries: () => log.map((d) => ({ ...d })),
      async settle() {
        while (inFlight.size > 0) await Promise.all([...inFlight]);
      },
    } satisfies WebhooksControl,
    reset(): void {
      hooks = [];
      script = {};
      held = [];
      failures.clear();
      log.length = 0;
    },
    dispose(): void {
      disposed = true;
      for (const handle of timers) clock.clearTimeout(handle);
      timers.clear();
    },
  };
}

export type WebhooksBook = ReturnType<typeof createWebhooksBook>;
