import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  XmlError,
  attrByLocal,
  buildXml,
  childText,
  createXmlStreamReader,
  parseXmlDocument,
  type XmlElement,
} from '../../../main/providers/webex/xml-stream.js';

const DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const CHANNEL = `${DECL}<Channel xmlns="http://schema.broadsoft.com/xsi"><channelId>ch-1</channelId><expires>3600</expires></Channel>`;
const BEAT = `${DECL}<ChannelHeartBeat xmlns="http://schema.broadsoft.com/xsi"/>`;
const EVENT =
  `${DECL}<xsi:Event xsi1:type="xsi:SubscriptionEvent" xmlns:xsi="http://schema.broadsoft.com/xsi" xmlns:xsi1="http://www.w3.org/2001/XMLSchema-instance">` +
  `<xsi:eventID>ev-1</xsi:eventID><xsi:eventData xsi1:type="xsi:CallReceivedEvent"><xsi:call><xsi:callId>callhalf-1:0</xsi:callId>` +
  `<xsi:remoteParty><xsi:name>Tom &amp; Jerry &#x263A;</xsi:name></xsi:remoteParty></xsi:call></xsi:eventData></xsi:Event>`;
const STREAM = CHANNEL + BEAT + EVENT + '\n' + BEAT;

function names(docs: XmlElement[]): string[] {
  return docs.map((d) => d.local);
}

describe('XML stream reader', () => {
  it('reads several documents from one chunk, each with its declaration', () => {
    const reader = createXmlStreamReader();
    const docs = reader.push(STREAM);
    expect(names(docs)).toEqual(['Channel', 'ChannelHeartBeat', 'Event', 'ChannelHeartBeat']);
    expect(childText(docs[0]!, 'channelId')).toBe('ch-1');
    expect(docs[2]!.name).toBe('xsi:Event');
    expect(attrByLocal(docs[2]!, 'type')).toBe('xsi:SubscriptionEvent');
    expect(reader.pendingChars).toBe(0);
  });

  it('gives a document only once its end tag has arrived, whatever the split (every cut point)', () => {
    const bytes = Buffer.from(STREAM, 'utf8');
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const reader = createXmlStreamReader();
      const got = [...reader.push(bytes.subarray(0, cut)), ...reader.push(bytes.subarray(cut))];
      expect(names(got), `cut at ${cut}`).toEqual(['Channel', 'ChannelHeartBeat', 'Event', 'ChannelHeartBeat']);
    }
  });

  it('decodes entities and multi-byte UTF-8 split across chunks', () => {
    const bytes = Buffer.from(EVENT, 'utf8');
    const reader = createXmlStreamReader();
    const docs: XmlElement[] = [];
    for (const byte of bytes) docs.push(...reader.push(Uint8Array.of(byte)));
    expect(docs).toHaveLength(1);
    const call = docs[0]!.children[1]!.children[0]!;
    expect(call.children[1]!.children[0]!.text).toBe('Tom & Jerry ☺');
  });

  it('any random chunking of a stream yields the same documents', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: STREAM.length - 1 }), { maxLength: 12 }), (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const reader = createXmlStreamReader();
        const got: XmlElement[] = [];
        let from = 0;
        for (const p of [...points, STREAM.length]) {
          got.push(...reader.push(STREAM.slice(from, p)));
          from = p;
        }
        expect(names(got)).toEqual(['Channel', 'ChannelHeartBeat', 'Event', 'ChannelHeartBeat']);
      }),
    );
  });

  it('refuses a DOCTYPE (no entity expansion, no external entities), even split across chunks', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">]><a>&lol;</a>';
    expect(() => createXmlStreamReader().push(bomb)).toThrow(XmlError);
    const reader = createXmlStreamReader();
    expect(reader.push('<?xml version="1.0"?><!DO')).toEqual([]);
    expect(() => reader.push('CTYPE a SYSTEM "file:///etc/passwd"><a/>')).toThrow(/DOCTYPE/);
  });

  it('refuses an undefined entity instead of passing it through', () => {
    expect(() => createXmlStreamReader().push('<a>&foo;</a>')).toThrow(XmlError);
    expect(() => createXmlStreamReader().push('<a>&#0;</a>')).toThrow(XmlError);
  });

  it('caps one document: a stream that never closes its element is refused, not buffered without end', () => {
    const reader = createXmlStreamReader({ maxDocumentChars: 1000, maxDepth: 8, maxElements: 50, maxAttributes: 4 });
    reader.push('<xsi:Event><xsi:eventData>');
    expect(() => {
      for (let i = 0; i < 100; i += 1) reader.push('x'.repeat(50));
    }).toThrow(/larger than 1000/);
  });

  it('caps a tag that never ends, depth, element count and attributes', () => {
    const small = { maxDocumentChars: 1000, maxDepth: 4, maxElements: 10, maxAttributes: 2 };
    expect(() => createXmlStreamReader(small).push(`<a b="${'x'.repeat(2000)}`)).toThrow(/larger than/);
    expect(() => createXmlStreamReader(small).push('<a><a><a><a><a>')).toThrow(/deeper/);
    expect(() => createXmlStreamReader(small).push(`<a>${'<b/>'.repeat(20)}</a>`)).toThrow(/elements/);
    expect(() => createXmlStreamReader(small).push('<a x="1" y="2" z="3"/>')).toThrow(/attributes/);
  });

  it('refuses malformed input: mismatched end tag, text outside elements, broken attributes, bad UTF-8', () => {
    expect(() => createXmlStreamReader().push('<a><b></a>')).toThrow(/does not close/);
    expect(() => createXmlStreamReader().push('hello <a/>')).toThrow(/outside/);
    expect(() => createXmlStreamReader().push('<a b=1/>')).toThrow(/attributes/);
    expect(() => createXmlStreamReader().push('<a b="1" b="2"/>')).toThrow(/repeats/);
    expect(() => createXmlStreamReader().push(Uint8Array.of(0x3c, 0x61, 0x3e, 0xff, 0xfe))).toThrow(XmlError);
  });

  it('stays broken after an error: a stream cannot be resynchronised safely', () => {
    const reader = createXmlStreamReader();
    expect(() => reader.push('<a></b>')).toThrow(XmlError);
    expect(() => reader.push(BEAT)).toThrow(XmlError);
  });

  it('keeps ">" inside quoted attributes, comments and CDATA', () => {
    const docs = createXmlStreamReader().push('<!-- a > b --><a t="x>y"><![CDATA[1 < 2 & <b>]]></a>');
    expect(docs).toHaveLength(1);
    expect(docs[0]!.attrs.t).toBe('x>y');
    expect(docs[0]!.text).toBe('1 < 2 & <b>');
  });

  it('never throws anything but XmlError on random input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        try {
          createXmlStreamReader().push(text);
        } catch (error) {
          expect(error).toBeInstanceOf(XmlError);
        }
      }),
    );
  });
});

describe('whole documents', () => {
  it('parses exactly one root and refuses none, two or an unfinished one', () => {
    expect(parseXmlDocument(CHANNEL).local).toBe('Channel');
    expect(() => parseXmlDocument('')).toThrow(/no XML element/);
    expect(() => parseXmlDocument(BEAT + BEAT)).toThrow(/more than one/);
    expect(() => parseXmlDocument('<a><b/>')).toThrow(/ends before/);
  });

  it('buildXml escapes every value, so a value cannot add elements', () => {
    const xml = buildXml('Subscription', 'http://schema.broadsoft.com/xsi', [
      ['event', 'Advanced Call</event><event>Other'],
      ['expires', 3600],
      ['skipped', undefined],
    ]);
    const doc = parseXmlDocument(xml);
    expect(doc.children.map((c) => c.local)).toEqual(['event', 'expires']);
    expect(childText(doc, 'event')).toBe('Advanced Call</event><event>Other');
  });
});
