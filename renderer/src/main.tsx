import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startHub } from './hub';
import { useStaff } from './store';
import './styles.css';

document.documentElement.lang = useStaff.getState().lang;
startHub();
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
