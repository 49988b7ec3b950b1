// electron-builder.yml as electron-builder itself loads it: for the file's own test and the staged app's.
import { join } from 'node:path';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { ROOT } from './hub';

export const loadBuilderConfig = () => getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
