import type { GitHubResponse } from './client';

/** Some pages of a list endpoint, parsed apart: whether the first was unchanged (a 304), and whether pages follow the last read. */
export interface ListingPages<T> {
  readonly pages: readonly (readonly T[])[];
  readonly firstUnchanged: boolean;
  readonly more: boolean;
}

export function listingPages<T>(responses: readonly GitHubResponse[], asked: number, parse: (data: unknown) => T[]): ListingPages<T> {
  const last = responses[responses.length - 1];
  const link = last?.headers.link;
  return {
    pages: responses.map((response) => parse(response.data)),
    firstUnchanged: responses[0]?.fromCache === true,
    more: responses.length === asked && typeof link === 'string' && /rel="next"/.test(link),
  };
}
