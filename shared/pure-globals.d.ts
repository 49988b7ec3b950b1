// The WHATWG URL, present in every runtime the pure contract runs in (browsers, Node, Electron), which the
// ES library alone does not declare. Only tsconfig.shared.json reads this file: for every other part the
// DOM or Node types declare the same classes.
declare class URLSearchParams {
  get(name: string): string | null;
  set(name: string, value: string): void;
}

declare class URL {
  constructor(url: string, base?: string | URL);
  readonly origin: string;
  readonly searchParams: URLSearchParams;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  href: string;
  toString(): string;
}
