// The port types the fake implements, re-exported in one place for the fake and the tests.
export type * from '../../main/shell/ports';
export type { ShellElectron as ShellElectronForTests } from '../../main/shell/app';
