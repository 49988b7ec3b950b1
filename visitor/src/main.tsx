// The visitor's own page (`/v/<code>`, from the ticket's QR) and the survey tablet (`/survey?key=…`).
import { createRoot } from 'react-dom/client';
import { App } from './App';
import '../../shared/ui/lightBase.css';
import './visitor.css';
import { readPage, startVisitorApp } from './wiring';

const actions = startVisitorApp(readPage(window.location));

createRoot(document.getElementById('root') as HTMLElement).render(<App actions={actions} />);
