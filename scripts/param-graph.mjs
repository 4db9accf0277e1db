// Rewrites the generated client's `parameterizationSchema` so that Prisma's runtime keeps it in
// about 2 MB of heap instead of about 9 (measured alone: 10.8 -> 2.2 MB; in the app, the
// deserialized input nodes retained 6.7 MB).
//
// The runtime decodes the graph (base64) into one object per input node whose `edges` are keyed
// by string-table index (`edges[7] = …`). Indices run up to the table's size (820 here), so V8
// gives nearly every one of the 2,312 nodes a holey array as long as its largest key, mostly
// holes. An index 1,024 or more past an empty object's elements makes V8 keep them in a small
// hash table instead. So the table gets 1,024 empty strings in front and every string index in
// the graph moves up by 1,024; lookups go through the runtime's own name -> index map, built
// from the table (a later duplicate wins, so the real strings keep their indices).
//
// The graph's layout is Prisma's, not a documented format: the rewrite decodes it, checks that
// re-encoding reproduces it byte for byte, and otherwise leaves the file as it was (with a
// warning). Run by scripts/generate-client.mjs after `prisma generate`.

const SHIFT = 1024;
const schemaPattern =
  /(config\.parameterizationSchema = \{\s*strings: JSON\.parse\()("(?:[^"\\]|\\.)*")(\),\s*graph: ")([A-Za-z0-9_-]*)(")/;

function reader(bytes) {
  let at = 0;
  const varint = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      if (byte === undefined) throw new Error('graph ends inside a number');
      value += (byte & 127) * 2 ** shift;
      shift += 7;
    } while (byte >= 128);
    return value;
  };
  const fixed = (size) => {
    const out = bytes.subarray(at, at + size);
    if (out.length !== size) throw new Error('graph ends inside a field');
    at += size;
    return out;
  };
  return { varint, fixed, done: () => at === bytes.length };
}

function writer() {
  const out = [];
  return {
    varint(value) {
      let rest = value;
      while (rest >= 128) {
        out.push((rest % 128) | 128);
        rest = Math.floor(rest / 128);
      }
      out.push(rest);
    },
    fixed(bytes) {
      out.push(...bytes);
    },
    bytes: () => Buffer.from(out),
  };
}

/**
 * Re-encodes the graph with every string index moved up by `shift`. Layout (the runtime's
 * deserializer): counts of input nodes, output nodes, roots; each input node: edge count, then
 * per edge the key (string index), a 2-byte scalar mask, child node (optional), enum name
 * (optional string index), a flags byte; each output node: edge count, then per edge the key,
 * args node (optional), output node (optional); each root: name (string index), args node
 * (optional), output node (optional). Optional numbers are stored plus one, 0 for none.
 */
function shiftStringIndices(graph, shift) {
  const r = reader(graph);
  const w = writer();
  const copy = () => w.varint(r.varint());
  const index = () => w.varint(r.varint() + shift);
  const optionalIndex = () => {
    const value = r.varint();
    w.varint(value === 0 ? 0 : value + shift);
  };
  const inputNodes = r.varint();
  const outputNodes = r.varint();
  const roots = r.varint();
  for (const count of [inputNodes, outputNodes, roots]) w.varint(count);
  for (let n = 0; n < inputNodes; n++) {
    const edges = r.varint();
    w.varint(edges);
    for (let e = 0; e < edges; e++) {
      index();
      w.fixed(r.fixed(2));
      copy();
      optionalIndex();
      w.fixed(r.fixed(1));
    }
  }
  for (let n = 0; n < outputNodes; n++) {
    const edges = r.varint();
    w.varint(edges);
    for (let e = 0; e < edges; e++) {
      index();
      copy();
      copy();
    }
  }
  for (let n = 0; n < roots; n++) {
    index();
    copy();
    copy();
  }
  if (!r.done()) throw new Error('graph has bytes past its last root');
  return w.bytes();
}

/**
 * The generated `internal/class.ts` source with its parameterization schema spread out, or
 * `{ warning }` when the source does not hold one in the expected shape (or already did this).
 */
export function spreadParamGraph(source) {
  const found = schemaPattern.exec(source);
  if (!found) return { warning: 'parameterizationSchema not found in the generated client' };
  const [whole, head, stringsLiteral, middle, graphText, tail] = found;
  const strings = JSON.parse(JSON.parse(stringsLiteral));
  if (strings.length >= SHIFT && strings.slice(0, SHIFT).every((s) => s === '')) {
    return { source };
  }
  const graph = Buffer.from(graphText, 'base64url');
  try {
    if (!shiftStringIndices(graph, 0).equals(graph)) throw new Error('re-encoding differs');
  } catch (error) {
    return { warning: `parameterizationSchema graph not in the expected layout (${error.message})` };
  }
  const spread = [...Array.from({ length: SHIFT }, () => ''), ...strings];
  const graphOut = shiftStringIndices(graph, SHIFT).toString('base64url');
  const replaced = `${head}${JSON.stringify(JSON.stringify(spread))}${middle}${graphOut}${tail}`;
  return { source: source.replace(whole, () => replaced) };
}
