// Stand-in for the toolchain's loader: defines Go.
globalThis.Go = class Go { constructor() { this.importObject = {}; } run() {} };
