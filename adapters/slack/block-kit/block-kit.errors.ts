import { CodedError } from '../../../domain';

/** Stable codes for the few things the renderer refuses to do silently. Never rename one. */
export const BLOCK_KIT_ERROR_CODES = ['ACTION_PAYLOAD_TOO_LARGE', 'STASH_KEY_INVALID'] as const;
export type BlockKitErrorCode = (typeof BLOCK_KIT_ERROR_CODES)[number];

/**
 * Thrown by `renderCard` only when rendering would lose data a click must return: an action's `data`
 * does not fit in a button value (2000 chars) and no `stash` was given, or the stash broke its contract.
 */
export class BlockKitError extends CodedError<BlockKitErrorCode> {}
