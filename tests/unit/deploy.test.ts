import { describe, expect, it } from 'vitest';
import {
  parseSurvey,
  readTarget,
  releaseName,
  releasesToPrune,
  rollbackTarget,
  shellQuote,
  switchScript,
} from '../../src/lib/publishing/deploy';

const config = { targets: { production: { host: 'may-chu.vn', user: 'bantin', path: '/var/www/ban-tin/' } } };

describe('readTarget', () => {
  it('reads a target with its defaults', () => {
    expect(readTarget(config, 'production')).toEqual({
      host: 'may-chu.vn',
      user: 'bantin',
      port: undefined,
      path: '/var/www/ban-tin',
      keep: 5,
      identityFile: undefined,
      sshOptions: [],
      htaccess: false,
      reload: undefined,
    });
  });

  it('names an unknown target and the known ones, in Vietnamese', () => {
    expect(() => readTarget(config, 'thu')).toThrow('không có đích "thu" (các đích có: production)');
  });

  it('refuses a path that is not a folder of its own, and a keep below 2', () => {
    expect(() => readTarget({ targets: { p: { host: 'h', path: '/' } } }, 'p')).toThrow('p.path');
    expect(() => readTarget({ targets: { p: { host: 'h', path: '/srv/../etc' } } }, 'p')).toThrow('p.path');
    expect(() => readTarget({ targets: { p: { host: 'h', path: '/srv/a', keep: 1 } } }, 'p')).toThrow('p.keep');
  });
});

describe('releaseName', () => {
  it('is the UTC time of the deployment, in an order that sorts', () => {
    expect(releaseName(new Date('2026-12-01T01:02:03.045Z'))).toBe('20261201T010203045Z');
  });
});

describe('parseSurvey', () => {
  it('reads the releases and the current one, ignoring anything else', () => {
    expect(
      parseSurvey(
        'release 20261201T010203045Z\nrelease khac\nrelease 20261130T010203045Z\ncurrent 20261201T010203045Z\n',
      ),
    ).toEqual({ releases: ['20261130T010203045Z', '20261201T010203045Z'], current: '20261201T010203045Z' });
  });
});

describe('releasesToPrune', () => {
  const names = ['20260101T000000000Z', '20260201T000000000Z', '20260301T000000000Z', '20260401T000000000Z'];

  it('deletes the oldest beyond keep, never the current one or the one before it', () => {
    expect(releasesToPrune(names, names[3] as string, 2)).toEqual([names[0], names[1]]);
    expect(releasesToPrune(names, names[3] as string, 5)).toEqual([]);
  });
});

describe('rollbackTarget', () => {
  it('is the newest release older than the current one', () => {
    expect(rollbackTarget({ releases: ['a1', 'a2', 'a3'], current: 'a3' })).toBe('a2');
    expect(rollbackTarget({ releases: ['a1', 'a2', 'a3'], current: 'a2' })).toBe('a1');
    expect(rollbackTarget({ releases: ['a1'], current: 'a1' })).toBeUndefined();
    expect(rollbackTarget({ releases: [] })).toBeUndefined();
  });
});

describe('switchScript', () => {
  it('switches current by renaming a new link over it, then prunes and reloads', () => {
    expect(
      switchScript('/var/www/ban tin', 'r2', {
        fromIncoming: true,
        prune: ['r0'],
        reload: 'sudo systemctl reload nginx',
      }),
    ).toBe(
      [
        'set -e',
        "cd '/var/www/ban tin'",
        'mv .incoming-r2 releases/r2',
        'test -d releases/r2/site',
        'ln -sfn releases/r2 current.next',
        'mv -T current.next current',
        'rm -rf releases/r0',
        'sudo systemctl reload nginx',
      ].join('\n'),
    );
  });
});

describe('shellQuote', () => {
  it('quotes anything a shell could read differently', () => {
    expect(shellQuote('/var/www/ban-tin')).toBe('/var/www/ban-tin');
    expect(shellQuote("it's $HOME")).toBe("'it'\\''s $HOME'");
  });
});
