import { randomInt } from 'node:crypto';
import type { IdGeneratorPort } from '../../domain';

// No I, L, O or U: request IDs are read aloud and typed back, so leave out the easily confused letters.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** PL- and eight random characters: 32^8 (about 10^12) values, from the OS's CSPRNG. */
export const randomRequestIds: IdGeneratorPort = {
  requestId() {
    let s = 'PL-';
    for (let i = 0; i < 8; i++) s += ALPHABET[randomInt(ALPHABET.length)];
    return s;
  },
};
