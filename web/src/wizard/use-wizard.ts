import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { api, unwrap } from '../api/client';
import {
  clearSavedState,
  loadState,
  type ServerStep,
  saveState,
  stepData,
  toServerState,
  type WizardState,
} from './wizard-logic';

/** The wizard's state, kept in sessionStorage so a reload (or the back button) loses nothing. */
export function useWizardState(): [
  WizardState,
  (update: (s: WizardState) => WizardState) => void,
  () => void,
] {
  const [state, setState] = useState<WizardState>(() => loadState(sessionStorage));
  useEffect(() => saveState(sessionStorage, state), [state]);
  const update = useCallback((fn: (s: WizardState) => WizardState) => setState((s) => fn(s)), []);
  const reset = useCallback(() => {
    clearSavedState(sessionStorage);
    setState(loadState(sessionStorage));
  }, []);
  return [state, update, reset];
}

export type StepAnswer = Awaited<ReturnType<typeof validateStep>>;

export function validateStep(state: WizardState, step: ServerStep, data?: unknown) {
  return unwrap(
    api.POST('/api/wizard/step/validate', {
      body: { step, data: data ?? stepData(state.draft, step), state: toServerState(state.draft) },
    }),
  );
}

export function useStepValidation() {
  return useMutation({
    mutationFn: ({ state, step, data }: { state: WizardState; step: ServerStep; data?: unknown }) =>
      validateStep(state, step, data),
  });
}

export function usePreferences() {
  return useQuery({
    queryKey: ['preferences'],
    queryFn: () => unwrap(api.GET('/api/preferences')),
    staleTime: 60_000,
  });
}

export function useProfiles() {
  return useQuery({
    queryKey: ['profiles'],
    queryFn: () => unwrap(api.GET('/api/profiles')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
