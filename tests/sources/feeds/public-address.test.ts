import { describe, expect, it } from 'vitest';
import { dispatcherFor, originKey, RefusedAddress } from '../../../src/sources/feeds/fetch-policy.ts';
import { nonPublicReason } from '../../../src/sources/feeds/public-address.ts';

describe('nonPublicReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['224.0.0.1', 'multicast'],
    ['0.0.0.0', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fd12:3456::1', 'private (unique local)'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback (IPv4-mapped)'],
    ['::ffff:169.254.169.254', 'link-local (IPv4-mapped)'],
  ])('%s is %s', (address, reason) => {
    expect(nonPublicReason(address)).toBe(reason);
  });

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])('%s is public', (address) => {
    expect(nonPublicReason(address)).toBeUndefined();
  });

  it('treats other special-purpose ranges (6to4, NAT64 of loopback) as not public', () => {
    expect(nonPublicReason('2002:7f00:1::1')).toMatch(/special-purpose/);
    expect(nonPublicReason('64:ff9b::7f00:1')).toMatch(/special-purpose/);
  });

  it('treats the deprecated IPv4-compatible form (::127.0.0.1, as a URL writes it ::7f00:1) as not public', () => {
    const host = new URL('http://[::127.0.0.1]/').hostname.slice(1, -1);
    expect(host).toBe('::7f00:1');
    expect(nonPublicReason(host)).toBe('loopback (IPv4-compatible, deprecated)');
    expect(nonPublicReason('::a00:1')).toBe('private (IPv4-compatible, deprecated)');
    expect(nonPublicReason('::808:808')).toBe('IPv4-compatible (deprecated)');
    expect(nonPublicReason('fec0::1')).toBe('site-local (deprecated)');
  });
});

describe('dispatcherFor', () => {
  it('refuses a non-public IP literal at once, unless trusted or checks are off', () => {
    const url = new URL('http://[::ffff:7f00:1]:8080/admin');
    expect(() => dispatcherFor(url, {})).toThrow(RefusedAddress);
    expect(() => dispatcherFor(url, { trusted: [originKey(url)] })).not.toThrow();
    expect(() => dispatcherFor(url, { allowPrivate: true })).not.toThrow();
  });

  it('matches origins with the default port filled in', () => {
    expect(originKey('http://Example.org/feed')).toBe(originKey('http://example.org:80/a'));
    expect(originKey('https://example.org/')).not.toBe(originKey('http://example.org/'));
  });
});
