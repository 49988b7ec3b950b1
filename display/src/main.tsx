// The waiting-room display: connects to the hub (no key needed), shows the queue and announces calls.
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './display.css';
import { readOptions, startDisplay } from './wiring';

const display = startDisplay(readOptions(window.location.search));

createRoot(document.getElementById('root') as HTMLElement).render(<App onEnableSound={display.enableSound} />);
