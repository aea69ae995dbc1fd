import { describeRegistrySuite } from './registry-suite';

describeRegistrySuite(4);
