// The port through which the core asks the OS to open a file (a saved AWB label): the desktop shell answers with
// Electron's shell.openPath; the CLI and the browser bridge have no viewer to drive and print the path instead.
export interface FileOpener {
  /** True when the OS viewer was asked to open the file. */
  open(path: string): Promise<boolean>;
}

export const noFileOpener: FileOpener = { open: async () => false };
