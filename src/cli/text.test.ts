import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatReply, closedPortURL, sendJson, startFakeServer } from '../generation/providers/openai-compatible/test-support.js';
import { main } from './main.js';
import { captureOutput } from './test-support.js';
import { messageLines, parseSnr } from './commands/text.js';

const io = captureOutput();

const dir = mkdtempSync(join(tmpdir(), 'semcom-text-'));
function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}
const SENTENCES = file('in.txt', 'the soup was bubbling\n\n  \nhow big is that part compared to the whole?\r\n');

describe('semcom text send', () => {
  it('sends each non-blank line and prints the JSON contract', async () => {
    expect(await main(['text', 'send', '--scheme', 'brotli', '--snr', 'inf', '--json', SENTENCES])).toBe(0);
    const r = JSON.parse(io.out());
    expect(r).toMatchObject({ scheme: 'brotli', snrDb: 'inf', totalPayloadBits: expect.any(Number) });
    expect(r.lines.map((l: { input: string }) => l.input)).toEqual(['the soup was bubbling', 'how big is that part compared to the whole?']);
    for (const l of r.lines) {
      expect(l.output).toBe(l.input);
      expect(l).toMatchObject({ bleu1: 1, similarity: 1, erased: false });
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['input', 'output', 'payloadBits', 'channelUses', 'bleu1', 'similarity']));
    }
    expect(r.totalPayloadBits).toBe(r.lines[0].payloadBits + r.lines[1].payloadBits);
  });

  it('prints the received lines, "(lost)" for an erased one', async () => {
    expect(await main(['text', 'send', '--scheme', 'shared-model', '--snr', '-5', SENTENCES])).toBe(0);
    expect(io.out()).toBe('(lost)\n(lost)\n');
  });

  it.each([
    [['text', 'send', '--scheme', 'morse', SENTENCES], /--scheme got 'morse'.*raw, gzip, brotli, shared-model, semantic, semantic-calibrated/],
    [['text', 'send', '--snr', 'loud', SENTENCES], /--snr got 'loud'.*'inf'/],
    [['text', 'send', '--mod', '8psk', SENTENCES], /--mod got '8psk'/],
    [['text', 'send', '--channel', 'nakagami', SENTENCES], /nakagami/],
    [['text', 'send', '/nonexistent/in.txt'], /cannot read \/nonexistent\/in.txt/],
    [['text', 'send', file('blank.txt', '\n  \n')], /no text to send/],
    [['text', 'send', '--max-chars', '10', SENTENCES], /line 1 has 21 characters, more than --max-chars 10/],
    [['text', 'receive'], /unknown text subcommand 'receive'/],
  ])('rejects %j with one line and exit status 2', async (argv, message) => {
    expect(await main(argv)).toBe(2);
    expect(io.err().trim().split('\n')).toHaveLength(1);
    expect(io.err()).toMatch(message);
  });

  it('names the server when a configured model server is not running', async () => {
    const url = await closedPortURL();
    expect(await main(['text', 'send', '--scheme', 'semantic', '--snr', 'inf', '--model', `openai-compatible:${url}#qwen2.5:0.5b`, SENTENCES])).toBe(2);
    expect(io.err()).toMatch(/PROVIDER_UNAVAILABLE|not reachable|refused|start/i);
    expect(io.err()).toContain(url.replace(/\/v1$/, ''));
  });

  it('runs both agents on an OpenAI-compatible model when one is given', async () => {
    const server = await startFakeServer();
    try {
      server.handle((req, res) => {
        const system = String((req.body.messages as { content: string }[])[0]?.content ?? '');
        if (system.includes('understanding agent')) sendJson(res, 200, chatReply('{"keywords": ["soup", "bubbling"], "goal": {"mood": "statement", "domain": "noun.food"}}'));
        else sendJson(res, 200, chatReply('{"sentence": "The soup is bubbling."}'));
      });
      expect(await main(['text', 'send', '--scheme', 'semantic', '--snr', 'inf', '--json', '--model', `openai-compatible:${server.baseURL}#fake`, file('one.txt', 'the soup was bubbling\n')])).toBe(0);
      const r = JSON.parse(io.out());
      expect(r.lines[0].output).toBe('The soup is bubbling.');
      expect(server.requests.length).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('text send helpers', () => {
  it('parses SNR values and splits lines', () => {
    expect(parseSnr('inf')).toBe(Infinity);
    expect(parseSnr('-3.5')).toBe(-3.5);
    expect(() => parseSnr('')).toThrow(/--snr/);
    expect(messageLines('a\r\n\n b \n')).toEqual(['a', ' b ']);
  });
});
