/** What NFO and DIZ templates can use. Every value is final: the plan computes it before packing. */
export interface ReleaseTextData {
  readonly release: {
    readonly name: string;
    readonly group: string;
    readonly type: 'ebook' | 'tv';
    readonly profile: string;
    /** Release date, UTC `YYYY-MM-DD`. */
    readonly date: string;
    /** Bytes of the packed content (the eBook or the MKV). */
    readonly size: number;
    readonly volumes: { readonly count: number; readonly size: number };
    /** eBOOK disks: `count` ZIPs of `size` bytes each (the RAR volume size). */
    readonly disks: { readonly count: number; readonly size: number } | null;
    readonly fileName: string;
    readonly notes: string;
  };
  readonly book?: Readonly<Record<string, string | number | null>>;
  readonly show?: Readonly<Record<string, string | number | null>>;
  readonly video?: Readonly<Record<string, string | number | null>>;
  readonly tool: { readonly name: string; readonly version: string };
}

export interface DiskTextData extends ReleaseTextData {
  readonly disk: { readonly number: number; readonly total: number; readonly counter: string };
}
