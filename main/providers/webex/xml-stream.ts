/**
 * A small, strict XML reader for XSI: whole documents (request and answer bodies) and the endless
 * XSI-Events channel, whose response is a stream of top-level documents (`Channel`,
 * `ChannelHeartBeat`, `xsi:Event` …) each maybe behind its own `<?xml …?>` declaration, split at any
 * byte by the network and several to a chunk.
 *
 * Hand-written rather than a library because the stream needs document splitting that a
 * one-document SAX parser does not do, and XSI uses a tiny subset of XML. Safe by construction:
 * no DTD is accepted (so no entity expansion, no external entities), only the five predefined and
 * numeric character references are decoded, and every size is capped (a document, the depth, the
 * number of elements and attributes), so a hostile or broken server can neither fill memory nor run
 * CPU away. Nothing is ever evaluated.
 */

export interface XmlElement {
  /** As written, with its prefix, e.g. "xsi:Event". */
  readonly name: string;
  /** Without the prefix, e.g. "Event". XSI's prefixes vary between servers; local names do not. */
  readonly local: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (CDATA included), entities decoded, not trimmed. */
  readonly text: string;
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

export interface XmlLimits {
  /** One document, in characters. XSI events are a few KB. */
  maxDocumentChars: number;
  maxDepth: number;
  /** Elements in one document. */
  maxElements: number;
  maxAttributes: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDocumentChars: 64 * 1024, maxDepth: 24, maxElements: 2_000, maxAttributes: 16 };

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ATTR = /\s*([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/y;
const ENTITY = /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);|&/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('A bare "&" is not allowed in XML text.');
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
        throw new XmlError(`The character reference ${whole} is not allowed.`);
      }
      return String.fromCodePoint(code);
    }
    return NAMED[ref] ?? whole;
  });
}

interface Building {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function finish(b: Building): XmlElement {
  return { name: b.name, local: localName(b.name), attrs: b.attrs, children: b.children, text: b.text };
}

function readStartTag(inner: string, limits: XmlLimits): { name: string; attrs: Record<string, string>; selfClosing: boolean } {
  const selfClosing = inner.endsWith('/');
  const body = selfClosing ? inner.slice(0, -1) : inner;
  const nameEnd = body.search(/[\s]/);
  const name = nameEnd === -1 ? body : body.slice(0, nameEnd);
  if (!NAME.test(name)) throw new XmlError(`"${name.slice(0, 40)}" is not an element name.`);
  const attrs: Record<string, string> = {};
  let rest = nameEnd === -1 ? '' : body.slice(nameEnd);
  let count = 0;
  ATTR.lastIndex = 0;
  while (rest.trim() !== '') {
    ATTR.lastIndex = 0;
    const m = ATTR.exec(rest);
    if (!m) throw new XmlError(`The attributes of <${name}> are not well-formed.`);
    const attrName = m[1] ?? '';
    if (!NAME.test(attrName)) throw new XmlError(`"${attrName.slice(0, 40)}" is not an attribute name.`);
    if (Object.hasOwn(attrs, attrName)) throw new XmlError(`<${name}> repeats the attribute ${attrName}.`);
    const raw = m[3] ?? m[4] ?? '';
    if (raw.includes('<')) throw new XmlError(`An attribute of <${name}> contains "<".`);
    count += 1;
    if (count > limits.maxAttributes) throw new XmlError(`<${name}> has more than ${limits.maxAttributes} attributes.`);
    attrs[attrName] = decode(raw);
    rest = rest.slice(m[0].length);
  }
  return { name, attrs, selfClosing };
}

/**
 * Feeds text in any pieces; returns each top-level element as soon as its end tag arrives. After an
 * error the reader is broken for good (a stream cannot be resynchronised safely): the caller drops
 * the connection.
 */
export interface XmlStreamReader {
  push(chunk: Uint8Array | string): XmlElement[];
  /** The text held while waiting for the rest of a document. */
  readonly pendingChars: number;
  /** Whether a document has begun and not yet ended. */
  readonly inDocument: boolean;
}

export function createXmlStreamReader(limits: XmlLimits = DEFAULT_XML_LIMITS): XmlStreamReader {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let buffer = '';
  let stack: Building[] = [];
  let elements = 0;
  /** Characters consumed from the current document so far (the buffer holds the rest). */
  let docChars = 0;
  let broken: XmlError | undefined;

  function fail(error: unknown): never {
    broken = error instanceof XmlError ? error : new XmlError('The XML stream could not be read.');
    buffer = '';
    stack = [];
    throw broken;
  }

  function consume(n: number): void {
    buffer = buffer.slice(n);
    if (stack.length > 0) docChars += n;
  }

  /** One step; false when the buffer holds only the start of the next token. */
  /** A finished element joins its parent, or, at the top, ends a document and resets its counts. */
  function closeElement(done: XmlElement, out: XmlElement[]): void {
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.children.push(done);
      return;
    }
    out.push(done);
    docChars = 0;
    elements = 0;
  }

  function step(out: XmlElement[]): boolean {
    if (buffer === '') return false;
    const lt = buffer.indexOf('<');
    if (lt !== 0) {
      const text = lt === -1 ? buffer : buffer.slice(0, lt);
      if (stack.length === 0) {
        if (text.trim() !== '') throw new XmlError('Text outside any XML element.');
      } else {
        const top = stack[stack.length - 1]!;
        if (lt === -1) {
          // Text may continue in the next chunk; it is only decoded once whole (an entity may be split).
          return false;
        }
        top.text += decode(text);
      }
      consume(lt === -1 ? buffer.length : lt);
      return true;
    }
    if (buffer.startsWith('<?')) {
      const end = buffer.indexOf('?>');
      if (end === -1) return false;
      if (stack.length > 0) throw new XmlError('A processing instruction inside an element.');
      consume(end + 2);
      return true;
    }
    if (buffer.startsWith('<!--')) {
      const end = buffer.indexOf('-->', 4);
      if (end === -1) return false;
      consume(end + 3);
      return true;
    }
    if (buffer.startsWith('<![CDATA[')) {
      const end = buffer.indexOf(']]>');
      if (end === -1) return false;
      const top = stack[stack.length - 1];
      if (!top) throw new XmlError('CDATA outside any XML element.');
      top.text += buffer.slice(9, end);
      consume(end + 3);
      return true;
    }
    if (buffer.startsWith('<!')) {
      // A DOCTYPE is how entity bombs and external entities get in; XSI never sends one.
      if (buffer.length < 9 && ['<!--', '<![CDATA[', '<!DOCTYPE'].some((t) => t.startsWith(buffer))) return false;
      throw new XmlError('A DOCTYPE or other declaration is not accepted.');
    }
    // A tag: find its '>' outside quoted attribute values.
    let quote: string | undefined;
    let end = -1;
    for (let i = 1; i < buffer.length; i += 1) {
      const c = buffer[i];
      if (quote !== undefined) {
        if (c === quote) quote = undefined;
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '>') {
        end = i;
        break;
      } else if (c === '<') {
        throw new XmlError('"<" inside a tag.');
      }
    }
    if (end === -1) return false;
    const inner = buffer.slice(1, end);
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError(`</${name.slice(0, 40)}> does not close the open element.`);
      consume(end + 1);
      closeElement(finish(open), out);
      return true;
    }
    const tag = readStartTag(inner, limits);
    elements += 1;
    if (elements > limits.maxElements) throw new XmlError(`A document has more than ${limits.maxElements} elements.`);
    const building: Building = { name: tag.name, attrs: tag.attrs, children: [], text: '' };
    if (tag.selfClosing) {
      consume(end + 1);
      closeElement(finish(building), out);
      return true;
    }
    if (stack.length >= limits.maxDepth) throw new XmlError(`XML nested deeper than ${limits.maxDepth} levels.`);
    stack.push(building);
    consume(end + 1);
    return true;
  }

  return {
    get pendingChars() {
      return buffer.length;
    },
    get inDocument() {
      return stack.length > 0 || buffer.trim() !== '';
    },
    push(chunk) {
      if (broken) throw broken;
      try {
        buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
        const out: XmlElement[] = [];
        while (step(out));
        if (docChars + buffer.length > limits.maxDocumentChars) {
          throw new XmlError(`An XML document is larger than ${limits.maxDocumentChars} characters.`);
        }
        return out;
      } catch (error) {
        return fail(error);
      }
    },
  };
}

/** One whole document (a request or answer body): exactly one root element. */
export function parseXmlDocument(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  if (text.length > limits.maxDocumentChars) throw new XmlError(`An XML document is larger than ${limits.maxDocumentChars} characters.`);
  const reader = createXmlStreamReader(limits);
  const roots = reader.push(text);
  if (reader.inDocument) throw new XmlError('The XML document ends before its root element does.');
  if (roots.length !== 1) throw new XmlError(roots.length === 0 ? 'The body holds no XML element.' : 'The body holds more than one XML document.');
  return roots[0]!;
}

/** The first child with this local name. */
export function child(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local);
}

/** The trimmed text of the first child with this local name. */
export function childText(element: XmlElement, local: string): string | undefined {
  const found = child(element, local);
  return found === undefined ? undefined : found.text.trim();
}

/** An attribute by local name (XSI writes `xsi1:type`, others `xsi:type`). */
export function attrByLocal(element: XmlElement, local: string): string | undefined {
  for (const [name, value] of Object.entries(element.attrs)) if (localName(name) === local) return value;
  return undefined;
}

const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };

/** Escapes text for an element body or attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ESCAPES[c] ?? c);
}

/** `<?xml …?><Root xmlns="…"><a>1</a>…</Root>`, every value escaped; undefined values left out. */
export function buildXml(root: string, namespace: string, fields: ReadonlyArray<readonly [string, string | number | undefined]>): string {
  const body = fields
    .filter((f): f is readonly [string, string | number] => f[1] !== undefined)
    .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${escapeXml(namespace)}">${body}</${root}>`;
}
