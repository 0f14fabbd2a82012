/** Lower-case 8.3: 1-8 characters, optionally a dot and 1-3 more, from [a-z0-9_-] (0-day disk names). */
const EIGHT_DOT_THREE = /^[a-z0-9_-]{1,8}(\.[a-z0-9_-]{1,3})?$/;

/**
 * True when `fileName` is a lower-case 8.3 name, as the eBOOK rules ask of ZIP disks.
 *
 * @example
 * isEightDotThree('grpttl01.zip') // true
 * isEightDotThree('GRPTTL01.ZIP') // false: relpack writes lower case
 */
export function isEightDotThree(fileName: string): boolean {
  return EIGHT_DOT_THREE.test(fileName);
}
