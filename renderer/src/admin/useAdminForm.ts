// One form of the admin section: open empty (new) or filled from a row (edit), its first problem in the
// reader's words (the save button waits until there is none), and a save that closes it once the hub
// accepted. The hub checks everything again; its refusal shows in the page's refusal banner.
import { useState } from 'react';
import { usePending } from '../../../shared/ui/usePending';
import type { Reply } from '../../../shared/protocol/errors';

export interface AdminForm<F> {
  /** The form being filled, or null when closed. */
  form: F | null;
  /** The row being edited (its id), or null for a new one. */
  editing: number | null;
  open: (form: F, editing?: number | null) => void;
  close: () => void;
  set: (patch: Partial<F>) => void;
  pending: boolean;
  save: (send: (form: F, editing: number | null) => Promise<Reply<unknown>>) => Promise<void>;
}

export function useAdminForm<F>(): AdminForm<F> {
  const [form, setForm] = useState<F | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [pending, run] = usePending();
  return {
    form,
    editing,
    open: (f, id = null) => {
      setForm(f);
      setEditing(id);
    },
    close: () => setForm(null),
    set: (patch) => setForm((f) => (f ? { ...f, ...patch } : f)),
    pending,
    async save(send) {
      if (!form) return;
      const reply = await run(() => send(form, editing));
      if (reply.ok) setForm(null);
    },
  };
}
