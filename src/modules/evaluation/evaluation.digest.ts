// The coordinators' daily digest of the evaluation follow-up: management responses and actions that
// are overdue (listed apart) or fall due within 30 days. Nothing is sent when there is nothing of
// the kind; a coordinator gets at most one digest a Warsaw day (the unique row of evaluation_digests
// is written in the transaction that queues the e-mail, so a second run sends nothing).
import { newId } from '../../core/db/ids.js';
import { nowIso } from '../../core/db/time.js';
import { localize } from '../../core/http/language.js';
import type { ModuleContext } from '../../core/module.js';
import { warsawToday } from '../../core/time/index.js';
import { formatters, translator, operatorText, type Lang } from '../../i18n/index.js';
import { enqueueMail } from '../mail/index.js';
import * as repo from './evaluation.repo.js';
import { followUpItems, type FollowUpItem } from './evaluation.service.js';

function line(item: FollowUpItem, lang: Lang): string {
  const t = translator(lang);
  const due = formatters(lang).date(`${item.due}T12:00:00Z`);
  const rec = t('evaluation.digest.rec', { number: item.view.rec.number, study: item.view.study.title });
  const what = item.action
    ? t('evaluation.digest.action', { action: item.action.description, owner: item.action.owner_unit })
    : t('evaluation.digest.response');
  return `- ${item.overdue ? t('evaluation.digest.overdueMark') : t('evaluation.digest.dueMark')} ${what} — ${rec}; ${t('evaluation.digest.due', { due })}`;
}

export async function sendEvaluationDigest(ctx: ModuleContext): Promise<string> {
  const items = await followUpItems(ctx);
  if (items.length === 0) return 'nothing overdue or due within 30 days: no digest';
  const today = warsawToday(ctx.clock);
  const overdueResponses = items.filter((i) => i.kind === 'response' && i.overdue).length;
  const overdueActions = items.filter((i) => i.kind === 'action' && i.overdue).length;
  const dueSoon = items.filter((i) => !i.overdue).length;
  let sent = 0;
  for (const c of await repo.listCoordinators(ctx.db)) {
    const lang: Lang = c.lang === 'en' ? 'en' : 'pl';
    const didSend = await ctx.db.transaction().execute(async (trx) => {
      if (!(await repo.insertDigest(trx, { id: newId(), user_id: c.id, day: today, items: items.length, sent_at: nowIso(ctx.clock) })))
        return false;
      await enqueueMail(
        trx,
        {
          to: c.email,
          lang,
          template: 'evaluation_digest',
          params: {
            name: c.display_name,
            overdueResponses: String(overdueResponses),
            overdueActions: String(overdueActions),
            dueSoon: String(dueSoon),
            list: items.map((i) => line(i, lang)).join('\n'),
            link: `${ctx.config.publicUrl}${localize('/admin/ewaluacja', lang)}`,
          },
        },
        ctx.clock,
      );
      return true;
    });
    if (didSend) sent += 1;
  }
  return operatorText('evaluation.cli.digestsSent', {
    digests: operatorText('evaluation.cli.digests', { count: sent }),
    items: operatorText('evaluation.cli.items', { count: items.length }),
  });
}
