/**
 * Stands in for `react-dom/client` in the bench's profiling build of the renderer: the real
 * createRoot from React's profiling build, with whatever the app renders wrapped in one
 * <Profiler>. Each commit's duration lands in `window.__benchCommits` for the bench to read.
 */
import { Profiler, type ProfilerOnRenderCallback, type ReactNode } from 'react';
import type { Root, RootOptions } from 'react-dom/client';
import { createRoot as createProfilingRoot } from 'react-dom/profiling';

export interface BenchCommit {
  phase: 'mount' | 'update' | 'nested-update';
  /** ms spent rendering the tree for this commit (Profiler actualDuration). */
  actualDuration: number;
  /** When React committed, on the page's performance.now() clock. */
  commitTime: number;
}

declare global {
  interface Window {
    __benchCommits?: BenchCommit[];
  }
}

const onRender: ProfilerOnRenderCallback = (_id, phase, actualDuration, _baseDuration, _startTime, commitTime) => {
  (window.__benchCommits ??= []).push({ phase, actualDuration, commitTime });
};

export function createRoot(container: Element | DocumentFragment, options?: RootOptions): Root {
  const root = createProfilingRoot(container, options);
  return {
    render(children: ReactNode) {
      root.render(
        <Profiler id="app" onRender={onRender}>
          {children}
        </Profiler>,
      );
    },
    unmount: () => root.unmount(),
  };
}
