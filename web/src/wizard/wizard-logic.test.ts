import { describe, expect, it } from 'vitest';
import { candidateMeta, describeCandidate } from './candidates';
import { allowedSizes } from './steps/packing-step';
import {
  accept,
  canOpen,
  defaultsFrom,
  EMPTY,
  furthestOpen,
  guessEpisode,
  loadState,
  nextStep,
  prefillMeta,
  previousStep,
  resolutionTag,
  saveState,
  setStep,
  startDraft,
  stepData,
  toServerState,
  type WizardState,
} from './wizard-logic';

const through = (...steps: Parameters<typeof accept>[1][]) =>
  steps.reduce<WizardState>((s, step) => accept(s, step, {}), {
    ...EMPTY,
    draft: { type: { releaseType: 'ebook' }, source: { kind: 'local', path: '/src/book.epub' } },
  });

describe('wizard step logic', () => {
  it('opens a step only once every step before it is accepted, and lands on the furthest one', () => {
    expect(canOpen(EMPTY, 'type')).toBe(true);
    expect(canOpen(EMPTY, 'source')).toBe(false);
    expect(furthestOpen(EMPTY)).toBe('type');
    const s = through('type', 'source', 'metadata');
    expect(canOpen(s, 'naming')).toBe(true);
    expect(canOpen(s, 'nfo')).toBe(false);
    expect(furthestOpen(s)).toBe('naming');
    const all = through('type', 'source', 'metadata', 'naming', 'nfo', 'packing', 'delivery');
    expect(canOpen(all, 'review')).toBe(true);
    expect(furthestOpen(all)).toBe('review');
    expect(nextStep('review')).toBeNull();
    expect(previousStep('type')).toBeNull();
    expect(nextStep('nfo')).toBe('packing');
  });

  it('forgets the steps a change makes stale, and only when something changed', () => {
    const all = through('type', 'source', 'metadata', 'naming', 'nfo', 'packing', 'delivery');
    const same = setStep(all, 'source', { kind: 'local', path: '/src/book.epub' });
    expect(same.done).toEqual(all.done);
    const newSource = setStep(all, 'source', { kind: 'local', path: '/src/other.epub' });
    expect(newSource.done).toEqual(['type', 'nfo', 'delivery']);
    expect(furthestOpen(newSource)).toBe('source');
    const newMeta = setStep(all, 'metadata', { meta: { title: 'X' } });
    expect(newMeta.done).toEqual(['type', 'source', 'nfo', 'packing', 'delivery']);
    const newGroup = setStep(all, 'naming', { group: 'GRP' });
    expect(newGroup.done).toEqual(['type', 'source', 'metadata', 'nfo', 'packing', 'delivery']);
  });

  it('sends the server only filled-in values, trimmed', () => {
    const state = toServerState({
      type: { releaseType: 'ebook' },
      source: { kind: 'local', path: '/a.epub' },
      metadata: { meta: { title: ' The Book ', author: '', year: '2020' }, provider: 'openlibrary:OL1' },
      naming: { group: ' GRP ', name: '   ' },
      nfo: { templateId: 'tpl', body: '  ', notes: '' },
      overrides: [],
    });
    expect(state).toEqual({
      type: { releaseType: 'ebook' },
      source: { kind: 'local', path: '/a.epub' },
      metadata: { meta: { title: 'The Book', year: '2020' } },
      naming: { group: 'GRP' },
      nfo: { templateId: 'tpl' },
    });
    expect(stepData({}, 'delivery')).toEqual({ destinations: [] });
    expect(stepData({ type: { releaseType: 'tv' } }, 'type')).toEqual({ releaseType: 'tv' });
  });

  it('reads show, season, episode and resolution from episode file names', () => {
    expect(guessEpisode('Night.Harbour.S02E05.720p.HDTV.x264.mkv')).toEqual({
      show: 'Night Harbour',
      season: '2',
      episode: '5',
      resolution: '720p',
      format: 'HDTV',
      codec: 'x264',
    });
    expect(guessEpisode('Show.S01E01.1080p.WEB-DL.h264.mkv')).toMatchObject({
      format: 'WEB-DL',
      codec: 'h264',
    });
    expect(guessEpisode('The_Show - S1E10E11 [1080p].mkv')).toMatchObject({
      show: 'The Show',
      season: '1',
      episode: '10-11',
    });
    expect(guessEpisode('Show Name - 3x07.mkv')).toMatchObject({
      show: 'Show Name',
      season: '3',
      episode: '7',
    });
    expect(guessEpisode('holiday-video.mkv')).toEqual({});
    expect(resolutionTag(720)).toBe('720p');
    expect(resolutionTag(1080)).toBe('1080p');
    expect(resolutionTag(2160)).toBe('2160p');
    expect(resolutionTag(576)).toBeUndefined();
  });

  it('prefills metadata from the file, never over what the user typed', () => {
    const fromEpub = prefillMeta(
      'ebook',
      { title: 'My Title', author: '  ' },
      { title: 'File Title', author: 'File Author', year: 1974, isbn: null, publisher: 'Harper' },
      'book.epub',
    );
    expect(fromEpub).toEqual({ title: 'My Title', author: 'File Author', year: '1974', publisher: 'Harper' });
    const fromMkv = prefillMeta('tv', {}, { height: 1080 }, 'Show.S01E02.mkv');
    expect(fromMkv).toEqual({ show: 'Show', season: '1', episode: '2', resolution: '1080p' });
  });

  it('starts a draft with the preference defaults for its type', () => {
    const prefs = [
      { key: 'pack.group', value: 'GRP' },
      { key: 'pack.ebookVolumeSize', value: 10_000_000 },
      { key: 'pack.tvVolumeSize', value: null },
      { key: 'pack.rarFormat', value: 'rar5' },
      { key: 'pack.sample', value: false },
      { key: 'nfo.ebookTemplate', value: 'ebook-tpl' },
      { key: 'nfo.tvTemplate', value: null },
      { key: 'delivery.destinations', value: ['site'] },
    ];
    expect(startDraft('ebook', 'ebook-2022', prefs)).toEqual({
      type: { releaseType: 'ebook', profile: 'ebook-2022' },
      naming: { group: 'GRP' },
      nfo: { templateId: 'ebook-tpl' },
      packing: { volumeSize: 10_000_000, rarFormat: 'rar5' },
      delivery: { destinations: ['site'] },
    });
    expect(defaultsFrom(prefs, 'tv')).toEqual({
      naming: { group: 'GRP' },
      nfo: {},
      packing: { rarFormat: 'rar5', sample: false },
      delivery: { destinations: ['site'] },
    });
  });

  it('survives a reload through storage, and ignores damaged storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    const s = through('type', 'source');
    saveState(storage, s);
    expect(loadState(storage)).toEqual(s);
    store.set('relpack.wizard', '{not json');
    expect(loadState(storage)).toBe(EMPTY);
    saveState(storage, EMPTY);
    expect(store.size).toBe(0);
  });

  it('offers the volume sizes a profile allows', () => {
    expect(allowedSizes({ fixed: [10e6, 5e6], multipleOf: null })).toEqual([5e6, 10e6]);
    expect(allowedSizes({ fixed: [], multipleOf: 50e6 }).slice(0, 3)).toEqual([50e6, 100e6, 150e6]);
    expect(allowedSizes(undefined)).toEqual([]);
  });

  it('fills the form from a chosen provider candidate', () => {
    const book = {
      provider: 'openlibrary',
      id: 'OL1M',
      title: 'The Dispossessed',
      authors: ['Ursula K. Le Guin'],
      year: 1974,
      publisher: null,
      isbn: '9780060125639',
      pages: 341,
      score: 0.93,
    };
    expect(candidateMeta('ebook', book)).toEqual({
      title: 'The Dispossessed',
      author: 'Ursula K. Le Guin',
      year: '1974',
      isbn: '9780060125639',
      pages: '341',
    });
    expect(describeCandidate(book)).toBe('The Dispossessed · Ursula K. Le Guin · 1974');
    const episode = {
      provider: 'tmdb',
      id: '1',
      title: 'Night Harbour',
      season: 2,
      episode: 5,
      episodeTitle: 'Low Tide',
      airDate: '2021-03-04',
      score: 1,
    };
    expect(candidateMeta('tv', episode)).toEqual({
      show: 'Night Harbour',
      season: '2',
      episode: '5',
      title: 'Low Tide',
      date: '2021-03-04',
    });
    expect(describeCandidate(episode)).toBe('Night Harbour · S02E05 · “Low Tide”');
  });
});
