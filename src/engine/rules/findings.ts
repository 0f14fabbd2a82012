import type { Finding, RuleProfile } from './profile.js';

/**
 * Collects findings for one profile. A check the profile does not list is not reported: profiles
 * choose their rules as data, the code only knows how to test each rule id.
 */
export class FindingCollector {
  readonly findings: Finding[] = [];

  constructor(private readonly profile: RuleProfile) {}

  applies(id: string): boolean {
    return this.profile.checks.some((c) => c.id === id);
  }

  add(
    id: string,
    detail: string,
    subject?: string,
    extra: { code?: string; causedBy?: readonly string[] } = {},
  ): void {
    const check = this.profile.checks.find((c) => c.id === id);
    if (!check) return;
    const duplicate = this.findings.some((f) => f.id === id && f.detail === detail && f.subject === subject);
    if (duplicate) return;
    this.findings.push({
      id,
      severity: check.severity,
      message: check.message,
      detail,
      ref: check.ref,
      ...(subject === undefined ? {} : { subject }),
      ...(extra.code ? { code: extra.code } : {}),
      ...(extra.causedBy?.length ? { causedBy: extra.causedBy } : {}),
    });
  }
}
