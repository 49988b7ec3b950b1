// A screen loaded on first use: "loading" while its code arrives, and if it cannot arrive (the LAN dropped,
// the hub was upgraded and the file names changed) a notice with a reload instead of a blank app — the
// counter console around it keeps working.
import { Component, Suspense, type ReactNode } from 'react';
import { useT } from './i18n';

class Boundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

export function LazyScreen({ children }: { children: ReactNode }) {
  const t = useT();
  const failed = (
    <p className="card" role="alert" data-testid="screen-failed">
      {t('screenFailed')}{' '}
      <button type="button" onClick={() => window.location.reload()}>
        {t('reload')}
      </button>
    </p>
  );
  return (
    <Boundary fallback={failed}>
      <Suspense fallback={<p>{t('loading')}</p>}>{children}</Suspense>
    </Boundary>
  );
}
