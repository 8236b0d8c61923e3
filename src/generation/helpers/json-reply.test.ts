import { describe, expect, it } from 'vitest';
import { excerpt, parseJsonReply } from './json-reply.js';

const value = { topic: 'weather', keywords: ['storm'] };
const json = JSON.stringify(value);

describe('parseJsonReply', () => {
  it.each([
    ['bare JSON', json],
    ['surrounding whitespace', `\n  ${json}\n`],
    ['a ```json fence', `\`\`\`json\n${json}\n\`\`\``],
    ['a bare ``` fence with prose around it', `Here you go:\n\`\`\`\n${json}\n\`\`\`\nAnything else?`],
    ['leading and trailing prose', `Sure! ${json} Hope this helps.`],
  ])('accepts %s', (_name, text) => {
    expect(parseJsonReply(text)).toEqual({ ok: true, value });
  });

  it('finds a top-level array in prose', () => {
    expect(parseJsonReply('The list: [1, 2, 3].')).toEqual({ ok: true, value: [1, 2, 3] });
  });

  it('accepts JSON scalars as they are', () => {
    expect(parseJsonReply(' 42 ')).toEqual({ ok: true, value: 42 });
    expect(parseJsonReply('"yes"')).toEqual({ ok: true, value: 'yes' });
  });

  it.each([
    ['empty', '   ', 'empty'],
    ['prose only', 'I cannot answer that.', 'no parseable JSON'],
    ['a trailing comma (not repaired)', '{"a": 1,}', 'no parseable JSON'],
    ['single quotes (not repaired)', "{'a': 1}", 'no parseable JSON'],
    ['a truncated object', '{"topic": "weath', 'no parseable JSON'],
  ])('rejects %s', (_name, text, reason) => {
    const r = parseJsonReply(text);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.reason).toContain(reason);
  });
});

describe('excerpt', () => {
  it('flattens whitespace and cuts long text', () => {
    expect(excerpt('a\n  b\tc')).toBe('a b c');
    expect(excerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(10)}…`);
  });
});
