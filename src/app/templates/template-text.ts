import { RelpackError } from '../../engine/index.js';
import type { TemplateChoice } from '../pack/pack-request.js';
import type { Editor, TemplateService } from './template-service.js';

/** The Liquid text a job stores for a template choice: a saved one (by id or name) or the text given. */
export async function templateText(
  templates: TemplateService,
  editor: Editor,
  choice: TemplateChoice,
  kind: 'nfo' | 'diz',
): Promise<string> {
  if ('body' in choice) return choice.body;
  const template = await templates.find(editor, choice.templateId);
  if (template.kind !== kind) {
    throw new RelpackError(
      'INVALID_ARGUMENT',
      `Template "${template.name}" is a ${template.kind.toUpperCase()} template; choose a ${kind.toUpperCase()} one`,
      { templateId: choice.templateId, kind: template.kind },
    );
  }
  return template.body;
}
