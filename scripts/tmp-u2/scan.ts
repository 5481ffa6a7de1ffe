import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createRecognizer } from '../../bot/recognizer';
import { meaningOf, DEFAULT_UNDERSTANDING } from '../../dialogs/understanding/meaning';
const dir = parse(readFileSync('/work/u2/directory/sample-directory.yaml','utf8'));
const orgs = new Map(dir.organizations.map((o: any) => [o.id, o]));
const people = new Map(dir.people.map((p: any) => [p.id, p]));
const slackWho: Record<string,string> = { daniel:'daniel-park', yuki:'yuki-suzuki', taro:'taro-ito', olivia:'olivia-brown', grace:'daniel-park', ken:'ken-sato', sam:'sam-rivera' };
function files(d: string): string[] { return readdirSync(d).flatMap(f => { const p = join(d,f); return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : []; }); }
(async () => {
  const rec = await createRecognizer({ organizations: dir.organizations.map((o: any) => ({ id: o.id, names: [o.name, ...(o.nameJa ? [o.nameJa] : [])] })) });
  const re = /\b(say|sayInChannel|sayIn|dm|mention)\(\s*'([a-z-]+)'\s*,\s*(?:[^,'"`]+,\s*)?(['"`])((?:(?!\3).)*)\3/g;
  let n = 0;
  for (const f of files('/work/u2/test')) {
    const src = readFileSync(f,'utf8');
    for (const m of src.matchAll(re)) {
      const who = slackWho[m[2]!] ?? m[2]!; const text = m[4]!;
      const p: any = people.get(who); if (!p) continue;
      const org: any = orgs.get(p.orgId);
      const r = await rec.recognize(text);
      const kinds = r.entities.filter(e => e.type==='organization').map(e => (orgs.get(e.value as string) as any)?.kind).filter(Boolean);
      const mean = meaningOf(r, { ...org, kind: org.kind } as any, kinds, DEFAULT_UNDERSTANDING);
      n++; if (mean.kind === 'ask' || mean.intent !== r.intent) console.log(f.replace('/work/u2/',''), '|', who, '|', text, '|', r.intent, JSON.stringify(r.ranked), '=>', JSON.stringify(mean));
    }
  }
  console.log('scanned', n);
})();
