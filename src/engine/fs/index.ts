export { sourceErrorFromFs } from '../errors.js';
export { assertAbsent, placeWithoutClobber, tempPathFor, writeFileAtomic } from './atomic-file.js';
export { SLICE_MS, TimeSlice } from './time-slice.js';
