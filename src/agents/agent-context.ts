/**
 * What both agents do around their backbone: the memory system (short-term
 * exchanges and cache, long-term knowledge) and the tool calls that produce
 * retrieved context (seed 003 Sec. III-D2 c, d).
 */
import type { KnowledgeStore } from './knowledge-store.js';
import type { ShortTermMemory } from './short-term-memory.js';
import { invokeTool, knowledgeLookupTool, toolOutputLines, type ContextTool } from './tools.js';

/** An agent's memory system. */
export interface AgentMemory {
  /** Recent exchanges and the result cache. */
  readonly shortTerm?: ShortTermMemory;
  /** Long-term knowledge, consulted through a `knowledgeLookup` tool the agent adds for it. */
  readonly longTerm?: KnowledgeStore;
}

/** The tools an agent calls per input: the given ones, then `knowledgeLookup` over long-term memory. */
export function agentTools(memory: AgentMemory | undefined, tools: readonly ContextTool[] | undefined): readonly ContextTool[] {
  const all: ContextTool[] = [...(tools ?? [])];
  if (memory?.longTerm) all.push(knowledgeLookupTool(memory.longTerm));
  return all;
}

/** Calls each tool with `{ query }` in order; returns the context lines as `name: line`. A blank query (nothing understood to look up) asks no tool. */
export async function gatherContext(tools: readonly ContextTool[], query: string, abortSignal?: AbortSignal): Promise<string[]> {
  const lines: string[] = [];
  if (query.trim() === '') return lines;
  for (const tool of tools) {
    const out = await invokeTool(tool, { query }, abortSignal ? { abortSignal } : {});
    for (const l of toolOutputLines(out)) lines.push(`${tool.name}: ${l}`);
  }
  return lines;
}
