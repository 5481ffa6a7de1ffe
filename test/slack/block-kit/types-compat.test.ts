import type { types } from '@slack/bolt';
import { renderCard } from '../../../adapters/slack/block-kit';
import type { Block, ButtonElement, InputBlock } from '../../../adapters/slack/block-kit/block-kit.types';

// Compile-time checks (tsc runs over test/): our narrow block types are assignable to @slack/types', so
// the adapter can hand `blocks` to chat.postMessage without a cast.
type Assignable<T, U> = [T] extends [U] ? true : false;
const blocksFit: Assignable<Block, types.KnownBlock> = true;
const inputFits: Assignable<InputBlock, types.InputBlock> = true;
const buttonFits: Assignable<ButtonElement, types.Button> = true;

describe('Block Kit types', () => {
  it('are compatible with @slack/types (checked by the type checker)', () => {
    const blocks: types.KnownBlock[] = renderCard({ body: [{ type: 'TextBlock', text: 'x' }] }).blocks;
    expect([blocksFit, inputFits, buttonFits, blocks.length]).toEqual([true, true, true, 1]);
  });
});
