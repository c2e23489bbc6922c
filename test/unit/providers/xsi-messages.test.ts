import { describe, expect, it } from 'vitest';
import { parseXmlDocument } from '../../../main/providers/webex/xml-stream.js';
import { readChannelMessage, readSubscription, xsiUserId } from '../../../main/providers/webex/xsi-messages.js';

const NS = 'xmlns:xsi="http://schema.broadsoft.com/xsi" xmlns:xsi1="http://www.w3.org/2001/XMLSchema-instance"';
const event = (type: string, call: string) =>
  parseXmlDocument(`<xsi:Event xsi1:type="xsi:SubscriptionEvent" ${NS}><xsi:eventID>e-1</xsi:eventID><xsi:eventData xsi1:type="xsi:${type}"><xsi:call>${call}</xsi:call></xsi:eventData></xsi:Event>`);

describe('XSI channel documents', () => {
  it('reads the channel id and granted lifetime, a heartbeat, and a terminated channel (which has no event id)', () => {
    expect(readChannelMessage(parseXmlDocument('<Channel xmlns="http://schema.broadsoft.com/xsi"><channelId>c</channelId><expires>3599</expires></Channel>'))).toEqual({
      kind: 'channel',
      channelId: 'c',
      expiresSec: 3599,
    });
    expect(readChannelMessage(parseXmlDocument('<ChannelHeartBeat xmlns="http://schema.broadsoft.com/xsi"/>'))).toEqual({ kind: 'heartbeat' });
    expect(
      readChannelMessage(parseXmlDocument(`<xsi:Event xsi1:type="xsi:ChannelTerminatedEvent" ${NS}><xsi:channelId>c</xsi:channelId><xsi:reason>Expired</xsi:reason></xsi:Event>`)),
    ).toEqual({ kind: 'channel-terminated', channelId: 'c', reason: 'Expired' });
  });

  it('takes the time of the event from the field that is its own, and gives a hold no time (nothing says when)', () => {
    const times = '<xsi:callId>callhalf-7:0</xsi:callId><xsi:startTime>1700000000000</xsi:startTime><xsi:answerTime>1700000005000</xsi:answerTime>';
    expect(readChannelMessage(event('CallReceivedEvent', times))).toMatchObject({ type: 'CallReceivedEvent', callId: 'callhalf-7:0', eventTime: 1700000000000 });
    expect(readChannelMessage(event('CallAnsweredEvent', times))).toMatchObject({ eventTime: 1700000005000 });
    const held = readChannelMessage(event('CallHeldEvent', times));
    expect(held).toMatchObject({ kind: 'event', eventId: 'e-1', type: 'CallHeldEvent' });
    expect(held).not.toHaveProperty('eventTime');
  });

  it('an event without an id, or another document, is unknown rather than a crash', () => {
    expect(readChannelMessage(parseXmlDocument(`<xsi:Event ${NS}/>`)).kind).toBe('unknown');
    expect(readChannelMessage(parseXmlDocument('<Other/>'))).toEqual({ kind: 'unknown', name: 'Other' });
    expect(readSubscription(parseXmlDocument('<Subscription><expires>10</expires></Subscription>'))).toBeUndefined();
  });

  it('the XSI user id is the last segment inside the base64 person id', () => {
    const id = Buffer.from('ciscospark://us/PEOPLE/0f2a8a6b-1c1d-4e5f-9a0b-1234567890ab').toString('base64');
    expect(xsiUserId(id)).toBe('0f2a8a6b-1c1d-4e5f-9a0b-1234567890ab');
    expect(xsiUserId(id.replace(/=+$/, ''))).toBe('0f2a8a6b-1c1d-4e5f-9a0b-1234567890ab');
    expect(xsiUserId('not base64 at all')).toBeUndefined();
  });
});
