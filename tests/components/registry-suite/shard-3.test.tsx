import { describeRegistrySuite } from './registry-suite';

describeRegistrySuite(3);
