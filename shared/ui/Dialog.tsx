// An in-page dialog (the apps never use the browser's alert/confirm/prompt): a labelled panel over a
// dimmed page; Escape or the backdrop closes it.
import { useEffect, type CSSProperties, type ReactNode } from 'react';

const BACKDROP: CSSProperties = {
  position: 'fixed',
  inset: 0,
  background: 'rgba(0, 0, 0, 0.45)',
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'center',
  zIndex: 100,
};
const PANEL: CSSProperties = {
  background: '#fff',
  color: '#111',
  borderRadius: 12,
  padding: '1.5rem',
  minWidth: 'min(28rem, 90vw)',
  maxWidth: '90vw',
  boxShadow: '0 10px 40px rgba(0, 0, 0, 0.3)',
};

export function Dialog({
  title,
  testId,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" style={BACKDROP} onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        className="dialog"
        style={PANEL}
        onClick={(e) => e.stopPropagation()}
      >
        <h2>{title}</h2>
        {children}
      </div>
    </div>
  );
}
