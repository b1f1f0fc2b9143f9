/**
 * A second form with no renderer written for it: the one-question intention form is data only, and the generic
 * renderers draw it on the private page, the console, a Discord modal (accepted by the loopback Discord's checks)
 * and a Slack view, while the one schema derived from it validates what each surface sends back.
 */
import type { APIInteraction } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FormDefinition, FormField } from '../../src/domain/form.js';
import { schemaOf } from '../../src/domain/form-schema.js';
import { intentionForm } from '../../src/domain/intention-form.js';
import { FormSession } from '../../src/platforms/console/form-session.js';
import { formModal, modalSteps } from '../../src/platforms/discord/form-modal.js';
import { inboundOfRaw } from '../../src/platforms/discord/http-interactions.js';
import { answersFromState, formView } from '../../src/platforms/slack/form-view.js';
import { escapeHtml } from '../../src/web/html.js';
import { answersFromBody, formPage } from '../../src/web/pages/form-page.js';
import { FakeDiscord } from '../fakes/discord/fake-discord.js';
import type { FakeUser, Json } from '../fakes/discord/types.js';

const sam: FakeUser = { id: '600000000000000001', username: 'sam', globalName: 'Sam' };
const INTENTION = 'Rest more,\r\nand say no to one thing';
const schema = schemaOf(intentionForm);

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

/** Show a modal as an answer to a slash command, the way a bot does, and return Discord's answer. */
async function showModal(modal: Json): Promise<{ status: number; body: Json }> {
  const h = fake.slashCommand({ user: sam, name: 'intention', via: 'http' });
  const res = await fetch(`${fake.apiUrl}/v10/interactions/${h.id}/${h.token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 9, data: modal }),
  });
  return { status: res.status, body: res.status === 204 ? {} : await res.json() };
}

/** What the bot reads back from a submit of that modal. */
function submit(customId: string, fields: Record<string, string>): Record<string, string> {
  const h = fake.submitModal({ user: sam, customId, fields, via: 'http' });
  const inbound = inboundOfRaw(h.payload as APIInteraction)?.inbound;
  return inbound?.kind === 'modal' ? inbound.fields : {};
}

describe('the intention form, rendered by the generic renderers only', () => {
  it('the private page: a labelled question, its hint, the kept answer, the form’s own button', () => {
    const html = formPage(
      {
        form: intentionForm,
        heading: intentionForm.title,
        notice: [],
        intro: [],
        action: '/intention',
        csrfToken: 'tok',
        hidden: {},
        values: { intention: 'kept <b>words</b>' },
        error: null,
      },
      { crisisLines: [] },
    );
    expect(html).toContain('<label for="intention">What is your intention for the days ahead?</label>');
    expect(html).toContain(
      '<p class="muted" id="intention-hint">Write as much or as little as you like (up to 4,000 characters).</p>',
    );
    expect(html).toContain(
      `value="${escapeHtml('kept <b>words</b>')}" required aria-describedby="intention-hint">`,
    );
    expect(html).toContain('<button type="submit">Save my intention</button>');
    expect(html).not.toContain('<script');
    expect(schema.parse(answersFromBody(intentionForm, { intention: INTENTION, other: 'x' }))).toEqual({
      intention: 'Rest more,\nand say no to one thing',
    });
  });

  it('the console: one question, a blank answer asked again, then the answer kept', () => {
    const s = new FormSession(intentionForm, null);
    expect(s.question()).toBe(
      '(1/1) What is your intention for the days ahead?\n(write as much as you like on one line)',
    );
    expect(s.answer('   ')).toBe('Your intention is empty — write a few words and try again.');
    expect(s.done).toBe(false);
    expect(s.answer('Rest more')).toBeNull();
    expect(s.done).toBe(true);
    expect(schema.parse(s.answers)).toEqual({ intention: 'Rest more' });
  });

  it('a Discord modal: a Label wrapping a text input, accepted by Discord’s checks, read back on submit', async () => {
    const modal = formModal(intentionForm, { customId: 'intention.submit' });
    expect(modal).toMatchObject({
      title: 'Your intention',
      components: [
        { type: 18, label: 'What is your intention for the days ahead?', component: { type: 4, style: 1 } },
      ],
    });
    expect((await showModal(modal)).status).toBe(204);
    const fields = submit('intention.submit', { intention: INTENTION });
    expect(schema.parse(fields)).toEqual({ intention: 'Rest more,\nand say no to one thing' });
  });

  it('a Slack view: one plain_text_input within Slack’s limits, its state read back', () => {
    const view = formView(intentionForm, {
      callbackId: 'intention.submit',
      privateMetadata: '{}',
      submit: 'Save',
      close: 'Not now',
    });
    const input = view.blocks.find((b: Json) => b.type === 'input');
    expect(input).toMatchObject({
      block_id: 'intention',
      label: { type: 'plain_text', text: 'What is your intention for the days ahead?' },
      element: { type: 'plain_text_input', action_id: 'intention', max_length: 3000 },
    });
    expect(input.optional).toBeUndefined();
    expect([...view.title.text].length).toBeLessThanOrEqual(24);
    const answers = answersFromState(intentionForm, {
      intention: { intention: { type: 'plain_text_input', value: INTENTION } },
    });
    expect(schema.parse(answers)).toEqual({ intention: 'Rest more,\nand say no to one thing' });
  });
});

describe('Discord’s limits, kept by the generic modal builder and checked by the loopback Discord', () => {
  const scale = (i: number): FormField => ({
    key: `item${i}`,
    kind: 'scale',
    label: `Item ${i}`,
    question: `Over the last two weeks, how often has item ${i} bothered you?`,
    min: 0,
    max: 3,
    lowHint: 'not at all',
    highHint: 'nearly every day',
  });
  const nineItems: FormDefinition = {
    id: 'nine',
    title: 'A nine-item questionnaire',
    submitLabel: 'Save',
    fields: Array.from({ length: 9 }, (_, i) => scale(i + 1)),
  };

  it('a nine-question form is two modal steps of at most five, each accepted, earlier answers shown again', async () => {
    expect(modalSteps(nineItems).map((s) => s.length)).toEqual([5, 4]);
    const first = formModal(nineItems, { customId: 'nine?step=0', step: 0 });
    const second = formModal(nineItems, { customId: 'nine?step=1', step: 1, values: { item7: '2' } });
    expect(first.title).toBe('A nine-item questionnaire (1/2)');
    expect((await showModal(first)).status).toBe(204);
    expect((await showModal(second)).status).toBe(204);
    const item7 = second.components[1]?.component;
    expect(item7 && 'options' in item7 && item7.options.find((o) => o.default)?.value).toBe('2');
    // The long question rides in the Label's description; the label is the short name.
    expect(second.components[0]).toMatchObject({ label: 'Item 6', description: scale(6).question });
    expect(
      schemaOf(nineItems).safeParse({ ...submit('nine?step=0', { item1: '3' }) }).error?.issues[0]?.message,
    ).toBe('Item 2 needs a whole number from 0 to 3.');
  });

  it('the loopback Discord refuses what Discord refuses: six components, a deprecated row without a label', async () => {
    const six = formModal({ ...nineItems, fields: nineItems.fields.slice(0, 5) }, { customId: 'six' });
    const tooMany = { ...six, components: [...six.components, six.components[0]] };
    const refused = await showModal(tooMany);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 50035 });
    const unlabelledRow = {
      custom_id: 'row',
      title: 'Row',
      components: [{ type: 1, components: [{ type: 4, custom_id: 'a', style: 1 }] }],
    };
    expect((await showModal(unlabelledRow)).status).toBe(400);
    const selectInRow = {
      custom_id: 'row',
      title: 'Row',
      components: [
        { type: 1, components: [{ type: 3, custom_id: 'a', options: [{ label: 'x', value: 'x' }] }] },
      ],
    };
    expect((await showModal(selectInRow)).status).toBe(400);
    const legacy = {
      custom_id: 'row',
      title: 'Row',
      components: [{ type: 1, components: [{ type: 4, custom_id: 'a', style: 1, label: 'A' }] }],
    };
    expect((await showModal(legacy)).status).toBe(204);
  });
});
