import { createPublicKey, verify } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { REST, Routes } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.js';

const ALICE = { id: '200000000000000011', username: 'alice' };
let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

describe('interactions over HTTP (via: "http")', () => {
  it('signs like Discord; the HTTP answer, the @original edit with a file and a follow-up are recorded', async () => {
    const spki = Buffer.concat([
      Buffer.from('302a300506032b6570032100', 'hex'),
      Buffer.from(fake.publicKeyHex, 'hex'),
    ]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    const endpoint = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', async () => {
        const body = Buffer.concat(chunks);
        const ts = String(req.headers['x-signature-timestamp']);
        const sig = Buffer.from(String(req.headers['x-signature-ed25519']), 'hex');
        if (!verify(null, Buffer.concat([Buffer.from(ts), body]), key, sig)) {
          res.writeHead(401).end();
          return;
        }
        const i = JSON.parse(body.toString());
        res
          .writeHead(200, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ type: 5, data: { flags: 64 } }));
        await rest.patch(Routes.webhookMessage(i.application_id, i.token, '@original'), {
          body: { content: 'your export' },
          files: [{ name: 'export.csv', data: Buffer.from('a,b\n') }],
          auth: false,
        });
        await rest.post(Routes.webhook(i.application_id, i.token), {
          body: { content: 'anything else?' },
          auth: false,
        });
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/interactions`;
      const h = fake.slashCommand({ user: ALICE, name: 'export', via: 'http' });
      expect(fake.gatewayEvents).toHaveLength(0);
      const answer = await fake.postInteraction(url, h);
      expect(answer).toEqual({ status: 200, body: { type: 5, data: { flags: 64 } } });
      expect((await h.response()).type).toBe(5);
      await h.waitForEdits(1);
      await h.waitForFollowUps(1);
      expect(h.edits[0]).toMatchObject({ messageId: '@original', content: 'your export' });
      expect(h.edits[0]?.files[0]?.data.toString()).toBe('a,b\n');
      expect(h.followUps[0]?.content).toBe('anything else?');
      const unsigned = await fetch(url, { method: 'POST', body: JSON.stringify(h.payload) });
      expect(unsigned.status).toBe(401);
    } finally {
      await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    }
  });
});
