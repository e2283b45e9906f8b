// Writes a query tree back as text that parses to the same tree: for showing a query, saving it, or building one.
import type { SearchNode } from './query';

const SPACE = /\s/;

/** A pattern as a term that reads back as that pattern (quoted when it has spaces or would read as syntax). */
function patternTerm(pattern: string, asValue: boolean): string {
  const lower = pattern.toLowerCase();
  const keyword = !asValue && (lower === 'or' || lower === 'and');
  if (pattern === '' || keyword || SPACE.test(pattern) || /[()]/.test(pattern)) {
    return `"${pattern.replace(/["]/g, '\\"').replace(/:/g, asValue ? ':' : '\\:')}"`;
  }
  let out = pattern.replace(/["]/g, '\\"');
  // A colon in free text would start a field; in a value it is just a colon.
  if (!asValue) out = out.replace(/:/g, '\\:');
  if (!asValue && out.startsWith('-')) out = '\\' + out;
  return out;
}

function group(node: SearchNode): string {
  return `(${formatQuery(node)})`;
}

export function formatQuery(node: SearchNode): string {
  switch (node.kind) {
    case 'and':
      // A nested and/or keeps its parentheses, so the tree comes back with the same shape.
      return node.children.map((c) => (c.kind === 'and' || c.kind === 'or' ? group(c) : formatQuery(c))).join(' ');
    case 'or':
      return node.children.map((c) => (c.kind === 'or' ? group(c) : formatQuery(c))).join(' or ');
    case 'not': {
      const c = node.child;
      return '-' + (c.kind === 'and' || c.kind === 'or' ? group(c) : formatQuery(c));
    }
    case 'text':
      return patternTerm(node.pattern, false);
    case 'deck':
    case 'tag':
      return `${node.kind}:${patternTerm(node.pattern, true)}`;
    case 'is':
    case 'type':
    case 'flag':
      return `${node.kind}:${node.value}`;
    case 'rated':
      return node.ease === undefined ? `rated:${node.days}` : `rated:${node.days}:${node.ease}`;
    case 'added':
      return `added:${node.days}`;
    case 'prop':
      return `prop:${node.name}${node.op}${String(node.value)}`;
  }
}
