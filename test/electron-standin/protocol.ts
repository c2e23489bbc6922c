/**
 * `protocol` and `session`: privileged schemes are declared once, before ready (Electron throws
 * afterwards); handlers come after ready, one per scheme. A window load goes through `fetchApp`,
 * which answers from the registered handler exactly as Chromium would ask it.
 */
import { StandinRuleError, type Runtime } from './runtime.js';

export function createProtocol(rt: Runtime) {
  const privileged = new Map<string, Electron.Privileges>();
  const handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  let declared = false;

  const protocol = {
    registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]) {
      if (rt.phase() !== 'starting') {
        throw new StandinRuleError('protocol.registerSchemesAsPrivileged should be called before app is ready');
      }
      if (declared) throw new StandinRuleError('protocol.registerSchemesAsPrivileged can be called only once');
      declared = true;
      for (const scheme of schemes) privileged.set(scheme.scheme, scheme.privileges ?? {});
    },
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>) {
      rt.requireReady('protocol.handle', 'protocol.handle: the app is not ready (Session can only be received when app is ready)');
      if (handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
      handlers.set(scheme, handler);
    },
    unhandle(scheme: string) {
      rt.requireReady('protocol.unhandle');
      if (!handlers.delete(scheme)) throw new Error(`Failed to unregister protocol: ${scheme}`);
    },
    isProtocolHandled: (scheme: string) => handlers.has(scheme),
  } satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'>;

  /** What Chromium gets for `url`: the handler's response, or a load error as Electron reports it. */
  async function fetchApp(url: string): Promise<{ status: number; contentType: string; headers: Headers; body: string }> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = handlers.get(scheme);
    if (!handler) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    if (!privileged.get(scheme)?.standard) {
      rt.problem(`${url}: scheme "${scheme}" is not registered as standard, so the page has no origin, storage or relative URLs`);
    }
    const response = await handler(new Request(url));
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', headers: response.headers, body: await response.text() };
  }

  return { protocol, fetchApp, privileged: () => privileged, handledSchemes: () => [...handlers.keys()] };
}

export type PermissionRequestHandler = Parameters<Electron.Session['setPermissionRequestHandler']>[0];
export type PermissionCheckHandler = Parameters<Electron.Session['setPermissionCheckHandler']>[0];

export function createSession(rt: Runtime, protocol: ReturnType<typeof createProtocol>['protocol']) {
  const make = () => {
    const state = { requestHandler: null as PermissionRequestHandler, checkHandler: null as PermissionCheckHandler };
    const session = {
      protocol,
      setPermissionRequestHandler(handler: PermissionRequestHandler) {
        state.requestHandler = handler;
      },
      setPermissionCheckHandler(handler: PermissionCheckHandler) {
        state.checkHandler = handler;
      },
    } satisfies Pick<Electron.Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & { protocol: unknown };
    return { session, state };
  };
  let defaultSession: ReturnType<typeof make> | undefined;
  const get = () => {
    rt.requireReady('session', 'Session can only be received when app is ready');
    return (defaultSession ??= make());
  };
  return {
    session: {
      get defaultSession() {
        return get().session as unknown as Electron.Session;
      },
    } satisfies Pick<typeof Electron.Session, 'defaultSession'>,
    state: () => get().state,
  };
}
