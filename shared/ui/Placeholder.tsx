// Shown by an app until its screens are built: proves the app is served and reaches the hub.
import { useEffect, useState } from 'react';
import { connectHub } from './hubClient';

export function Placeholder({ title }: { title: string }) {
  const [online, setOnline] = useState(false);
  useEffect(() => {
    const client = connectHub({
      auth: () => ({}),
      lang: () => 'id',
      onSnapshot: () => setOnline(true),
      onPatch: () => undefined,
      onOnline: setOnline,
    });
    return () => client.close();
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: '2rem' }}>
      <h1>{title}</h1>
      <p data-testid="hub-status">{online ? 'Terhubung ke server antrian' : 'Menghubungkan…'}</p>
    </main>
  );
}
