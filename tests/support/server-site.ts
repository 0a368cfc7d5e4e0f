import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, fixtureSiteDir, projectRoot, tmpRoot, type BuildResult } from './build';

/** Stories with old addresses of every kind, added to the fixture site for the server tests. */
export const serverFixtureDir = join(projectRoot, 'tests/fixtures/servers');

/** Where the server tests' site is built. */
export const serverSiteName = 'servers-site';

/** The fixture site plus `tests/fixtures/servers`, as one content root under tests/.tmp. */
export function serverSiteRoot(): string {
  const root = join(tmpRoot, 'servers-root');
  rmSync(root, { recursive: true, force: true });
  cpSync(fixtureSiteDir, root, { recursive: true });
  cpSync(serverFixtureDir, root, { recursive: true });
  return root;
}

/** Builds the server tests' site into tests/.tmp/servers-site (its configurations in servers-site-server). */
export function buildServerSite(): BuildResult {
  return buildSite(serverSiteRoot(), serverSiteName);
}

const STORY_A = '/bai-viet/trang-cu-hoc-vien/';
const STORY_B = '/bai-viet/le-ky-niem/';
const NATIONAL_DAY = '/bai-viet/quoc-khanh-2020/';

/**
 * Requests for old addresses, as readers' browsers send them, and the story each
 * must lead to: as written, in other cases, parameters in another order, folder
 * addresses with and without the final slash, a %-encoded Vietnamese path.
 */
export const movedAddresses: readonly [request: string, to: string][] = [
  ['/tin-tuc/quoc-khanh-2020.html', NATIONAL_DAY],
  ['/TIN-TUC/Quoc-Khanh-2020.HTML', NATIONAL_DAY],
  ['/Default.aspx?tabid=92&id=1234', NATIONAL_DAY],
  ['/default.aspx?ID=1234&TabId=92', NATIONAL_DAY],
  ['/DEFAULT.ASPX?id=1234&tabid=92&utm_source=zalo', NATIONAL_DAY],
  ['/tin-tuc/trang-cu.html', STORY_A],
  ['/tin-tuc/cu/', STORY_A],
  ['/tin-tuc/cu', STORY_A],
  ['/Tin-Tuc/CU/', STORY_A],
  ['/Default.aspx?tabid=53&ItemID=1234', STORY_A],
  ['/default.aspx?itemid=1234&TABID=53', STORY_A],
  ['/Default.aspx?tabid=53', STORY_A],
  ['/Default.aspx?TabID=53', STORY_A],
  ['/tin-t%E1%BB%A9c/b%C3%A0i-c%C5%A9.html', STORY_A],
  ['/TIN-T%E1%BB%A9C/B%C3%A0I-C%C5%A9.HTML', STORY_A],
  ['/?p=12', STORY_A],
  ['/?P=12', STORY_A],
  ['/Default.aspx?tabid=53&ItemID=1235', STORY_B],
  ['/DEFAULT.aspx?ItemId=1235&tabid=53', STORY_B],
  ['/Tin-Tuc/Chi-Tiet.aspx?ID=77', STORY_B],
  ['/tin-tuc/chi-tiet.aspx?id=77', STORY_B],
  ['/tin-tuc/le-ky-niem', STORY_B],
  ['/tin-tuc/le-ky-niem/', STORY_B],
];

/** Addresses no story ever had (or that name a file meant for Pages hosts only): the 404 page, status 404. */
export const unknownAddresses: readonly string[] = [
  '/Default.aspx',
  '/Default.aspx?tabid=54',
  '/Default.aspx?tabid=53&ItemID=9999',
  '/Tin-Tuc/Chi-Tiet.aspx?ID=78',
  '/khong-co-trang-nay/',
  '/bai-viet/khong-co-bai-nay/',
  '/tin-tuc/khong-co.html',
  '/_redirects',
  '/_headers',
];

/** Site pages asked for without their final slash: a 301 to the address with it. */
export const slashless: readonly [request: string, to: string][] = [
  ['/bai-viet/quoc-khanh-2020', '/bai-viet/quoc-khanh-2020/'],
  ['/luu-tru/2020', '/luu-tru/2020/'],
  ['/chuyen-muc/thong-bao', '/chuyen-muc/thong-bao/'],
];
