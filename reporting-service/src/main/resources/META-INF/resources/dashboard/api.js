// Calls to reporting-service's API with the dashboard's session cookie (OIDC web-app tenant "web").

/** The API answered 403: the region asked for is outside the caller's. */
export class Denied extends Error {
}

/** Any other failed call, with the problem's detail when the API gave one. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const RELOGIN = 'fupin.dashboard.relogin';

/**
 * GET a JSON resource. The session expired (499: Quarkus' answer to a JavaScript request that needs a new sign-in, or
 * 401): the page reloads once, which signs in again through the provider.
 */
export async function getJson(path, params = {}) {
  const url = path + query(params);
  const response = await fetch(url, {
    credentials: 'same-origin',
    headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' },
  });
  if (response.status === 499 || response.status === 401) {
    if (!sessionStorage.getItem(RELOGIN)) {
      sessionStorage.setItem(RELOGIN, '1');
      location.reload();
      return new Promise(() => {}); // the page is going away
    }
    throw new ApiError(response.status, 'not signed in');
  }
  sessionStorage.removeItem(RELOGIN);
  if (response.status === 403) {
    throw new Denied(await detail(response));
  }
  if (!response.ok) {
    throw new ApiError(response.status, `${response.status} ${await detail(response)}`);
  }
  return response.json();
}

async function detail(response) {
  try {
    const p = await response.json();
    return p.detail || p.title || '';
  } catch (e) {
    return '';
  }
}

/** "?a=1&b=2" of the non-empty parameters (region "" = national is left out: the caller's own region). */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? '?' + s : '';
}

const GROUP_ENDS = [2, 4, 6, 9, 12];

/** The prefix of a 12-digit code or a prefix: 522428000000 → 522428, 520000000000 → 52 (as platform RegionCode). */
export function prefixOf(code) {
  let p = String(code ?? '');
  for (let i = GROUP_ENDS.length - 1; i >= 0; i--) {
    const start = i === 0 ? 0 : GROUP_ENDS[i - 1];
    if (p.length === GROUP_ENDS[i] && /^0*$/.test(p.slice(start))) p = p.slice(0, start);
  }
  return p;
}

/** The prefix one level up ("" above a province). */
export function parentOf(prefix) {
  const i = GROUP_ENDS.indexOf(prefix.length);
  return i <= 0 ? '' : prefix.slice(0, GROUP_ENDS[i - 1]);
}

/** Every prefix from the root (exclusive) down to the prefix (inclusive): 5224 under 52 → ["5224"]. */
export function pathBelow(root, prefix) {
  const out = [];
  for (const end of GROUP_ENDS) {
    if (end > root.length && end <= prefix.length) out.push(prefix.slice(0, end));
  }
  return out;
}

export function isVillage(prefix) {
  return prefix.length === 12;
}

// ---------------------------------------------------------------------------------------------- region names

const names = new Map();
const children = new Map();

/** A region's name, or null when none is loaded. */
export function nameOf(prefix) {
  return names.get(prefix) ?? null;
}

/**
 * The regions one level below (reporting-service's region-name table: {code, name, level}, name null where none is
 * loaded), as prefixes; an empty list when the table cannot be read.
 */
export async function childrenOf(prefix) {
  if (!children.has(prefix)) {
    let list = [];
    try {
      list = await getJson('/api/v1/region-names', { parent: prefix });
    } catch (e) {
      if (e instanceof ApiError && e.status >= 500) throw e;
      list = [];
    }
    const kids = [];
    for (const r of Array.isArray(list) ? list : []) {
      const p = prefixOf(r.code);
      if (r.name) names.set(p, r.name);
      if (p !== prefix && p.startsWith(prefix)) kids.push(p);
    }
    children.set(prefix, [...new Set(kids)].sort());
  }
  return children.get(prefix);
}

/** Loads the names of every level of a breadcrumb (each level's siblings); failures leave codes shown. */
export async function loadNamesAlong(root, prefix) {
  const parents = new Set([root, ...pathBelow(root, prefix).slice(0, -1)]);
  if (root !== '') parents.add(parentOf(root)); // the root's own name, when the caller may list its siblings
  await Promise.all([...parents].map(p => childrenOf(p).catch(() => [])));
}
