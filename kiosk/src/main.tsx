// The visitor kiosk: learns its device key, connects to the hub, and takes numbers with one tap.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { deviceKeyFromPage } from './deviceKey';
import '../../shared/ui/lightBase.css';
import './kiosk.css';
import { startKiosk } from './kiosk';

const actions = startKiosk(deviceKeyFromPage());

createRoot(document.getElementById('root') as HTMLElement).render(<App actions={actions} />);
