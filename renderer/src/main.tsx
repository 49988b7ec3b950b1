import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startHub } from './hub';
import { prefetchScreens } from './lazyScreens';
import { useStaff } from './store';
import './styles.css';

document.documentElement.lang = useStaff.getState().lang;
startHub();
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
window.addEventListener('load', prefetchScreens, { once: true });
