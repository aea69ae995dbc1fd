import { features } from '../features';
import { registry } from '../resources';
import { createCatalogue } from './catalogue';

/** The running app's catalogue: every feature folder and every registry table. */
export const appCatalogue = createCatalogue(features, registry);
