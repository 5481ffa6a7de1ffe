import type { CommandIntent } from '../../app/ports';

/** "Use this channel for approvals" and its Japanese forms, as a whole message (after the @mention). */
const APPROVALS_HERE =
  /^(please\s+)?(use this (channel|chat) for approvals|send approvals (here|to this channel)|approvals here|承認(は|を)?この(チャネル|チャンネル|チャット)で(お願いします)?|この(チャネル|チャンネル)で承認(する)?)[.!。！]?$/i;

/** The command a message is, when it is one word for word (full-width forms folded). */
export function commandIntent(text: string): CommandIntent | undefined {
  const folded = text.normalize('NFKC').trim();
  if (APPROVALS_HERE.test(folded)) return 'approval_channel';
  return undefined;
}
