import { createRoot } from 'react-dom/client';
import { Placeholder } from '../../shared/ui/Placeholder';

createRoot(document.getElementById('root') as HTMLElement).render(<Placeholder title="Antrian LPSE — Layar" />);
