/** What every use-case may depend on from the outside world, injected by the adapter. */
export interface AppContext {
  readonly version: string;
  readonly clock: () => Date;
}
