/** Everything needed to open a connection to one destination (secrets already decrypted). */
export interface RemoteTarget {
  readonly protocol: 'ftp' | 'ftps' | 'sftp';
  readonly host: string;
  readonly port: number;
  readonly username: string;
  readonly password?: string | undefined;
  /** OpenSSH or PEM private key, SFTP only. */
  readonly privateKey?: string | undefined;
  readonly passphrase?: string | undefined;
  /** FTP passive mode; basic-ftp only speaks passive, so `false` is refused when the destination is saved. */
  readonly passive: boolean;
  readonly tls: {
    /** Verify the certificate chain and host name (the default). */
    readonly verify: boolean;
    /** `AA:BB:…` SHA-256 of the certificate: trusted whatever its chain says. */
    readonly fingerprint?: string | null | undefined;
    /** Accept any certificate; only when the admin explicitly chose it. */
    readonly acceptSelfSigned?: boolean | undefined;
  };
  readonly hostKey: {
    /** `SHA256:…` as `ssh-keygen -lf` prints it. */
    readonly fingerprint?: string | null | undefined;
    /** With no fingerprint pinned, accept the first key seen and report it so it gets recorded. */
    readonly trustOnFirstUse?: boolean | undefined;
  };
  readonly timeoutMs: number;
}

/** What a connection learnt about the server, to show and to record. */
export interface ServerIdentity {
  /** FTPS: SHA-256 fingerprint of the server certificate. */
  readonly certificateFingerprint?: string;
  /** SFTP: SHA-256 fingerprint of the host key, and whether it was accepted on first use. */
  readonly hostKeyFingerprint?: string;
  readonly hostKeyTrustedOnFirstUse?: boolean;
}
